import type { Kysely } from 'kysely';
import type { Trainee } from '../../shared/sync-api.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { Tables } from '../db/tables.ts';

/** The device behind a valid token: whose it is and which device id it was issued to. */
export interface AuthenticatedDevice {
  trainee: Trainee;
  deviceId: string;
  tokenHash: string;
}

interface TraineeSummary extends Trainee {
  createdAt: string;
  revokedAt: string | null;
  lastSyncAt: string | null;
  activeDevices: number;
  events: number;
}

/** An enrolment code's row, read under a lock so one redemption at a time decides its fate. */
interface EnrolmentCode {
  traineeId: string;
  usedAt: string | null;
  usedByDevice: string | null;
  expiresAt: string | null;
}

/** SQL over trainees, their enrolment codes and their devices. */
export class TraineeRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly kind: DatabaseKind,
  ) {}

  /** Adds a trainee. */
  async createTrainee(input: Trainee & { now: string }): Promise<Trainee> {
    const { id, name, unit, now } = input;
    await this.db.insertInto('trainees').values({ id, name, unit, created_at: now, revoked_at: null, last_sync_at: null }).execute();
    return { id, name, unit };
  }

  /** Adds a one-time code for the trainee, stored as its hash only. */
  async addCode(input: { traineeId: string; codeHash: string; now: string; expiresAt: string }): Promise<void> {
    await this.db
      .insertInto('enrolment_codes')
      .values({ code_hash: input.codeHash, trainee_id: input.traineeId, created_at: input.now, used_at: null, expires_at: input.expiresAt })
      .execute();
  }

  /** The trainee, unless unknown or revoked. */
  async activeTrainee(id: string): Promise<Trainee | undefined> {
    return this.db
      .selectFrom('trainees')
      .select(['id', 'name', 'unit'])
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /**
   * The code's row, locked until the transaction ends on PostgreSQL (SQLite has one writer at a
   * time already), so concurrent redemptions of one code take turns.
   */
  async lockCode(codeHash: string): Promise<EnrolmentCode | undefined> {
    const row = await this.db
      .selectFrom('enrolment_codes')
      .select(['trainee_id', 'used_at', 'used_by_device', 'expires_at'])
      .where('code_hash', '=', codeHash)
      .$if(this.kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    return row && { traineeId: row.trainee_id, usedAt: row.used_at, usedByDevice: row.used_by_device, expiresAt: row.expires_at };
  }

  async markCodeUsed(input: { codeHash: string; deviceId: string; now: string }): Promise<void> {
    await this.db
      .updateTable('enrolment_codes')
      .set({ used_at: input.now, used_by_device: input.deviceId })
      .where('code_hash', '=', input.codeHash)
      .execute();
  }

  /** Registers a device under its token hash, retiring any earlier token of the same device. */
  async replaceDevice(input: { traineeId: string; deviceId: string; tokenHash: string; now: string }): Promise<void> {
    await this.db
      .updateTable('devices')
      .set({ revoked_at: input.now })
      .where('trainee_id', '=', input.traineeId)
      .where('device_id', '=', input.deviceId)
      .where('revoked_at', 'is', null)
      .execute();
    await this.db
      .insertInto('devices')
      .values({
        token_hash: input.tokenHash,
        trainee_id: input.traineeId,
        device_id: input.deviceId,
        created_at: input.now,
        revoked_at: null,
        last_sync_at: null,
      })
      .execute();
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
   * Stamps the trainee's and the device's last sync and returns the payload bytes the trainee
   * has stored. Written first in a sync's transaction: the trainee's row lock then serialises
   * that trainee's syncs (see sync-service.ts).
   */
  async markSynced(device: AuthenticatedDevice, now: string): Promise<{ storedBytes: number }> {
    const row = await this.db
      .updateTable('trainees')
      .set({ last_sync_at: now })
      .where('id', '=', device.trainee.id)
      .returning('stored_bytes')
      .executeTakeFirstOrThrow();
    await this.db.updateTable('devices').set({ last_sync_at: now }).where('token_hash', '=', device.tokenHash).execute();
    return { storedBytes: Number(row.stored_bytes) };
  }

  async addStoredBytes(traineeId: string, bytes: number): Promise<void> {
    if (bytes === 0) return;
    await this.db
      .updateTable('trainees')
      .set((eb) => ({ stored_bytes: eb('stored_bytes', '+', bytes) }))
      .where('id', '=', traineeId)
      .execute();
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
    const found = await this.db.selectFrom('trainees').select('revoked_at').where('id', '=', traineeId).executeTakeFirst();
    if (!found) return false;
    if (!found.revoked_at) await this.db.updateTable('trainees').set({ revoked_at: now }).where('id', '=', traineeId).execute();
    await this.db
      .updateTable('devices')
      .set({ revoked_at: now })
      .where('trainee_id', '=', traineeId)
      .where('revoked_at', 'is', null)
      .execute();
    return true;
  }
}
