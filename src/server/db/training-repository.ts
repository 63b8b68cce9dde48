import type { Kysely, Selectable } from 'kysely';
import type { LearnerEvent } from '../../shared/events.ts';
import type { Database } from './database.ts';
import type { EventsTable, Tables } from './tables.ts';

/** A trainee as the API shows them. */
export interface Trainee {
  id: string;
  name: string;
  unit: string;
}

/** The device behind a valid token: whose it is and which device id it was issued to. */
export interface AuthenticatedDevice {
  trainee: Trainee;
  deviceId: string;
  tokenHash: string;
}

export interface TraineeSummary extends Trainee {
  createdAt: string;
  revokedAt: string | null;
  lastSyncAt: string | null;
  activeDevices: number;
  events: number;
}

export interface SyncWrite {
  device: AuthenticatedDevice;
  events: LearnerEvent[];
  cursor: number;
  pullLimit: number;
  now: string;
}

export interface SyncResult {
  accepted: string[];
  events: LearnerEvent[];
  cursor: number;
  more: boolean;
}

/** Event ids that another trainee already holds; the batch was rolled back. */
export class EventIdTakenError extends Error {
  constructor(readonly ids: string[]) {
    super('event ids already taken by another trainee');
  }
}

/** All of the server's SQL, over SQLite or PostgreSQL; everything else speaks in these methods. */
/** How long the device that used a code may redeem it again after a lost reply. */
export const REDEEM_AGAIN_MS = 24 * 60 * 60 * 1000;

export class TrainingRepository {
  private readonly db: Kysely<Tables>;
  private readonly sqlite: boolean;

  constructor(database: Database) {
    this.db = database.db;
    this.sqlite = database.kind === 'sqlite';
  }

  /** Adds a trainee and their one-time enrolment code (stored as its hash only). */
  async createTrainee(input: Trainee & { codeHash: string; now: string }): Promise<Trainee> {
    const { id, name, unit, codeHash, now } = input;
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('trainees').values({ id, name, unit, created_at: now, revoked_at: null, last_sync_at: null }).execute();
      await trx.insertInto('enrolment_codes').values({ code_hash: codeHash, trainee_id: id, created_at: now, used_at: null }).execute();
    });
    return { id, name, unit };
  }

  /** Adds another one-time code for an existing, unrevoked trainee (a second or new device). */
  async addEnrolmentCode(input: { traineeId: string; codeHash: string; now: string }): Promise<Trainee | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const trainee = await trx
        .selectFrom('trainees')
        .select(['id', 'name', 'unit'])
        .where('id', '=', input.traineeId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!trainee) return undefined;
      await trx
        .insertInto('enrolment_codes')
        .values({ code_hash: input.codeHash, trainee_id: trainee.id, created_at: input.now, used_at: null })
        .execute();
      return trainee;
    });
  }

  /**
   * Uses up an unused code and registers the device under its token hash; undefined when the code
   * is unknown, used by another device, or its trainee revoked. The conditional update makes two
   * requests racing with one code end with one device. The device that used the code may redeem
   * it again for REDEEM_AGAIN_MS (its reply, and so its token, may have been lost on the way);
   * the token it had before then stops working.
   */
  async redeemEnrolmentCode(input: { codeHash: string; deviceId: string; tokenHash: string; now: string }) {
    return this.db.transaction().execute(async (trx): Promise<Trainee | undefined> => {
      const code =
        (await trx
          .updateTable('enrolment_codes')
          .set({ used_at: input.now, used_by_device: input.deviceId })
          .where('code_hash', '=', input.codeHash)
          .where('used_at', 'is', null)
          .returning('trainee_id')
          .executeTakeFirst()) ??
        (await trx
          .selectFrom('enrolment_codes')
          .select('trainee_id')
          .where('code_hash', '=', input.codeHash)
          .where('used_by_device', '=', input.deviceId)
          .where('used_at', '>', new Date(Date.parse(input.now) - REDEEM_AGAIN_MS).toISOString())
          .executeTakeFirst());
      if (!code) return undefined;
      const trainee = await trx
        .selectFrom('trainees')
        .select(['id', 'name', 'unit'])
        .where('id', '=', code.trainee_id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!trainee) return undefined;
      await trx
        .updateTable('devices')
        .set({ revoked_at: input.now })
        .where('trainee_id', '=', trainee.id)
        .where('device_id', '=', input.deviceId)
        .where('revoked_at', 'is', null)
        .execute();
      await trx
        .insertInto('devices')
        .values({
          token_hash: input.tokenHash,
          trainee_id: trainee.id,
          device_id: input.deviceId,
          created_at: input.now,
          revoked_at: null,
          last_sync_at: null,
        })
        .execute();
      return trainee;
    });
  }

  /** The device holding this token, if neither it nor its trainee is revoked. */
  async findDeviceByTokenHash(tokenHash: string): Promise<AuthenticatedDevice | undefined> {
    const row = await this.db
      .selectFrom('devices')
      .innerJoin('trainees', 'trainees.id', 'devices.trainee_id')
      .select(['trainees.id', 'trainees.name', 'trainees.unit', 'devices.device_id'])
      .where('devices.token_hash', '=', tokenHash)
      .where('devices.revoked_at', 'is', null)
      .where('trainees.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    return { trainee: { id: row.id, name: row.name, unit: row.unit }, deviceId: row.device_id, tokenHash };
  }

  /**
   * Stores the pushed events and pulls the trainee's events from other devices after the cursor,
   * in one transaction. Throws EventIdTakenError (storing nothing) if an id belongs to another
   * trainee.
   */
  async sync({ device, events, cursor, pullLimit, now }: SyncWrite): Promise<SyncResult> {
    const traineeId = device.trainee.id;
    return this.db.transaction().execute(async (trx) => {
      // Locking the trainee's row first serialises their syncs. Without it PostgreSQL could commit
      // seq 7 before seq 6, and a pull in between would move the cursor past 6 for good.
      await trx.updateTable('trainees').set({ last_sync_at: now }).where('id', '=', traineeId).execute();
      await trx.updateTable('devices').set({ last_sync_at: now }).where('token_hash', '=', device.tokenHash).execute();

      const accepted = await this.insertEvents(trx, traineeId, events, now);

      const rows = await trx
        .selectFrom('events')
        .selectAll()
        .where('trainee_id', '=', traineeId)
        .where('device_id', '<>', device.deviceId)
        .where('seq', '>', cursor)
        .orderBy('seq')
        .limit(pullLimit + 1)
        .execute();
      const more = rows.length > pullLimit;
      const page = rows.slice(0, pullLimit);
      // With nothing more to pull, the cursor may skip to the trainee's newest event (this
      // device's own included), so the next pull starts after everything seen so far.
      const newest = more ? Number(page.at(-1)!.seq) : await this.newestSeq(trx, traineeId);
      return {
        accepted,
        events: page.map(toLearnerEvent),
        cursor: Math.max(cursor, newest),
        more,
      };
    });
  }

  private async insertEvents(trx: Kysely<Tables>, traineeId: string, events: LearnerEvent[], now: string) {
    if (events.length === 0) return [];
    // SQLite has one writer at a time and this transaction already wrote, so max(seq) is stable.
    const base = this.sqlite ? await this.newestSeq(trx) : 0;
    const rows = events.map((e, i) => ({
      id: e.id,
      ...(this.sqlite ? { seq: base + i + 1 } : {}),
      trainee_id: traineeId,
      device_id: e.deviceId,
      type: e.type,
      lesson_id: e.lessonId,
      payload: JSON.stringify(e.payload),
      at: e.at,
      received_at: now,
    }));
    // ON CONFLICT DO NOTHING: a retried or concurrently duplicated id is skipped, not an error.
    const inserted = await trx
      .insertInto('events')
      .values(rows)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    const ids = [...new Set(events.map((e) => e.id))];
    const insertedIds = new Set(inserted.map((r) => r.id));
    const existing = ids.filter((id) => !insertedIds.has(id));
    if (existing.length > 0) {
      const owners = await trx.selectFrom('events').select(['id', 'trainee_id']).where('id', 'in', existing).execute();
      const taken = owners.filter((o) => o.trainee_id !== traineeId).map((o) => o.id);
      if (taken.length > 0) throw new EventIdTakenError(taken);
    }
    return ids;
  }

  private async newestSeq(trx: Kysely<Tables>, traineeId?: string): Promise<number> {
    let query = trx.selectFrom('events').select((eb) => eb.fn.max('seq').as('newest'));
    if (traineeId) query = query.where('trainee_id', '=', traineeId);
    const row = await query.executeTakeFirst();
    return Number(row?.newest ?? 0);
  }

  /** Every trainee with their device and event counts, by unit then name. */
  async listTrainees(): Promise<TraineeSummary[]> {
    const rows = await this.db
      .selectFrom('trainees as t')
      .selectAll('t')
      .select((eb) => [
        eb
          .selectFrom('devices as d')
          .select(eb.fn.countAll().as('n'))
          .whereRef('d.trainee_id', '=', 't.id')
          .where('d.revoked_at', 'is', null)
          .as('active_devices'),
        eb.selectFrom('events as e').select(eb.fn.countAll().as('n')).whereRef('e.trainee_id', '=', 't.id').as('events'),
      ])
      .orderBy('t.unit')
      .orderBy('t.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      unit: r.unit,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
      lastSyncAt: r.last_sync_at,
      activeDevices: Number(r.active_devices ?? 0),
      events: Number(r.events ?? 0),
    }));
  }

  /** Revokes the trainee and every device of theirs; false when no such trainee exists. */
  async revokeTrainee(traineeId: string, now: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('trainees').select('revoked_at').where('id', '=', traineeId).executeTakeFirst();
      if (!found) return false;
      if (!found.revoked_at) await trx.updateTable('trainees').set({ revoked_at: now }).where('id', '=', traineeId).execute();
      await trx
        .updateTable('devices')
        .set({ revoked_at: now })
        .where('trainee_id', '=', traineeId)
        .where('revoked_at', 'is', null)
        .execute();
      return true;
    });
  }

  /** Every stored event of one trainee, in server order (for progress reports). */
  async eventsOf(traineeId: string): Promise<LearnerEvent[]> {
    const rows = await this.db.selectFrom('events').selectAll().where('trainee_id', '=', traineeId).orderBy('seq').execute();
    return rows.map(toLearnerEvent);
  }
}

function toLearnerEvent(row: Selectable<EventsTable>): LearnerEvent {
  // Stored events passed the shared schema on the way in, so the row is rebuilt, not re-validated.
  return {
    id: row.id,
    deviceId: row.device_id,
    type: row.type,
    lessonId: row.lesson_id,
    at: row.at,
    payload: JSON.parse(row.payload),
  } as LearnerEvent;
}
