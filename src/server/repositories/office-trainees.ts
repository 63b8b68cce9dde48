import { type Kysely, sql } from 'kysely';
import type { TraineeRow } from '../../shared/office-api.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { Tables } from '../db/tables.ts';
import { type TraineeFilter, traineeMatches } from './trainee-filter.ts';

export interface DeviceRow {
  deviceId: string;
  enrolledAt: string;
  lastSyncAt: string | null;
  revokedAt: string | null;
}

/** SQL for the office's view of trainees and their devices (the sync's own SQL is in trainees.ts). */
export class OfficeTraineeRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly kind: DatabaseKind,
  ) {}

  /** The trainee's unit (what a unit officer's scope is checked against); undefined if unknown. */
  async unitOf(traineeId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('trainees').select('unit').where('id', '=', traineeId).executeTakeFirst();
    return row?.unit;
  }

  /** A page of the filter's trainees by name, and how many there are in all; `q` matches part of a name. */
  async list(filter: TraineeFilter, page: { q?: string | undefined; offset: number; limit: number }): Promise<{ total: number; rows: TraineeRow[] }> {
    const base = this.db
      .selectFrom('trainees as t')
      .leftJoin('trainee_rollups as r', 'r.trainee_id', 't.id')
      .where((eb) => traineeMatches(eb, { ...filter, includeRevoked: true }))
      // Part of a name, case aside (SQLite lowers ASCII letters only; PostgreSQL all of them).
      .$if(!!page.q, (q) => q.where(sql<boolean>`lower(t.name) like lower(${`%${page.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}) escape '\\'`));
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .select(['t.id', 't.name', 't.unit', 't.place_id', 't.last_sync_at', 't.revoked_at', 't.created_at', 'r.lessons_completed', 'r.course_completed', 'r.last_activity_at'])
      // Code point order on both databases, so pages never overlap or skip (PostgreSQL's default collation varies).
      .orderBy(this.kind === 'postgres' ? sql`t.name collate "C"` : sql`t.name`)
      .orderBy('t.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(total.n), rows: rows.map(toRow) };
  }

  /** One trainee's row, revoked or not. */
  async row(traineeId: string): Promise<(TraineeRow & { createdAt: string }) | undefined> {
    const row = await this.db
      .selectFrom('trainees as t')
      .leftJoin('trainee_rollups as r', 'r.trainee_id', 't.id')
      .select(['t.id', 't.name', 't.unit', 't.place_id', 't.last_sync_at', 't.revoked_at', 't.created_at', 'r.lessons_completed', 'r.course_completed', 'r.last_activity_at'])
      .where('t.id', '=', traineeId)
      .executeTakeFirst();
    return row && { ...toRow(row), createdAt: row.created_at };
  }

  /** How many lessons hold a note (from the rollup: the text is never read). */
  async noteCount(traineeId: string): Promise<number> {
    const row = await this.db.selectFrom('trainee_rollups').select('notes').where('trainee_id', '=', traineeId).executeTakeFirst();
    return Number(row?.notes ?? 0);
  }

  /** The trainee's devices, one row per device id (its newest token), newest first. */
  async devices(traineeId: string): Promise<DeviceRow[]> {
    const rows = await this.db
      .selectFrom('devices')
      .select(['device_id', 'created_at', 'last_sync_at', 'revoked_at'])
      .where('trainee_id', '=', traineeId)
      .orderBy('created_at', 'desc')
      .execute();
    const seen = new Map<string, DeviceRow>();
    for (const r of rows) {
      const known = seen.get(r.device_id);
      const lastSyncAt = [known?.lastSyncAt, r.last_sync_at].filter((x): x is string => !!x).sort().at(-1) ?? null;
      if (known) known.lastSyncAt = lastSyncAt;
      else seen.set(r.device_id, { deviceId: r.device_id, enrolledAt: r.created_at, lastSyncAt, revokedAt: r.revoked_at });
    }
    return [...seen.values()];
  }

  /** Revokes the device's valid token; false when the trainee has no such device still valid. */
  async revokeDevice(traineeId: string, deviceId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('devices')
      .set({ revoked_at: now })
      .where('trainee_id', '=', traineeId)
      .where('device_id', '=', deviceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setPlace(traineeId: string, placeId: string | null): Promise<void> {
    await this.db.updateTable('trainees').set({ place_id: placeId }).where('id', '=', traineeId).execute();
  }

  async update(traineeId: string, change: { name?: string | undefined; unit?: string | undefined; placeId?: string | null | undefined }): Promise<void> {
    const set = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.unit !== undefined ? { unit: change.unit } : {}),
      ...(change.placeId !== undefined ? { place_id: change.placeId } : {}),
    };
    if (Object.keys(set).length) await this.db.updateTable('trainees').set(set).where('id', '=', traineeId).execute();
  }
}

interface Joined {
  id: string;
  name: string;
  unit: string;
  place_id: string | null;
  last_sync_at: string | null;
  revoked_at: string | null;
  lessons_completed: number | string | null;
  course_completed: number | null;
  last_activity_at: string | null;
}

function toRow(r: Joined): TraineeRow {
  return {
    id: r.id,
    name: r.name,
    unit: r.unit,
    placeId: r.place_id,
    lessonsCompleted: Number(r.lessons_completed ?? 0),
    courseCompleted: r.course_completed === 1,
    lastActivityAt: r.last_activity_at,
    lastSyncAt: r.last_sync_at,
    revoked: r.revoked_at !== null,
  };
}
