import type { Kysely, Selectable } from 'kysely';
import type { LearnerEvent } from '../../shared/events.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { EventsTable, Tables } from '../db/tables.ts';

/** SQL over the learner events. */
export class EventRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly kind: DatabaseKind,
  ) {}

  /**
   * Inserts the events for the trainee; an id already stored is skipped, not an error (a retry,
   * or a concurrent copy of the same request). Returns the ids actually inserted.
   */
  async insert(traineeId: string, events: LearnerEvent[], now: string): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    // PostgreSQL numbers rows itself. SQLite has one writer at a time and the caller's
    // transaction has already written, so max(seq) cannot move under it.
    const base = this.kind === 'sqlite' ? await this.newestSeq() : 0;
    const rows = events.map((e, i) => ({
      id: e.id,
      ...(this.kind === 'sqlite' ? { seq: base + i + 1 } : {}),
      trainee_id: traineeId,
      device_id: e.deviceId,
      type: e.type,
      lesson_id: e.lessonId,
      payload: JSON.stringify(e.payload),
      at: e.at,
      received_at: now,
    }));
    const inserted = await this.db
      .insertInto('events')
      .values(rows)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    return new Set(inserted.map((r) => r.id));
  }

  /** Which trainee holds each of these ids, for the ids that are stored. */
  async ownersOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('events').select(['id', 'trainee_id']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.trainee_id]));
  }

  /** Up to `limit` of the trainee's events after `cursor` that other devices than `deviceId` sent, in server order. */
  async after(input: { traineeId: string; excludingDevice: string; cursor: number; limit: number }): Promise<Array<{ seq: number; event: LearnerEvent }>> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('trainee_id', '=', input.traineeId)
      .where('device_id', '<>', input.excludingDevice)
      .where('seq', '>', input.cursor)
      .orderBy('seq')
      .limit(input.limit)
      .execute();
    return rows.map((row) => ({ seq: Number(row.seq), event: toLearnerEvent(row) }));
  }

  /** The highest sequence number stored, of one trainee or of everyone; 0 when none. */
  async newestSeq(traineeId?: string): Promise<number> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('newest'))
      .$if(traineeId !== undefined, (q) => q.where('trainee_id', '=', traineeId!))
      .executeTakeFirst();
    return Number(row?.newest ?? 0);
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
