import type { Kysely, Selectable } from 'kysely';
import type { LearnerEvent } from '../../shared/events.ts';
import type { Hlc } from '../../shared/hlc.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { EventsTable, Tables } from '../db/tables.ts';

/** An event as it goes in: the phone's event, the stamp it merges by, and why it is flagged, if it is. */
export interface NewEvent {
  event: LearnerEvent;
  /** The event's own stamp, or the server's clamped one. */
  at: Hlc;
  flag: string | null;
}

/** A stored event: the phone's own copy (its own stamp), the stamp it merges by, whose it is. */
export interface StoredEvent {
  traineeId: string;
  sent: LearnerEvent;
  at: Hlc;
  flag: string | null;
}

/** The payload as stored; its UTF-8 length is what the storage budget counts. */
export const storedPayload = (event: LearnerEvent): string => JSON.stringify(event.payload);

/** SQL over the learner events. */
export class EventRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly kind: DatabaseKind,
  ) {}

  /**
   * Inserts the events for the trainee; an id already stored is skipped, not an error (another
   * trainee's request may store it between a lookup and this insert). Returns the ids inserted.
   */
  async insert(traineeId: string, events: NewEvent[], now: string): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    // PostgreSQL numbers rows itself. SQLite has one writer at a time and the caller's
    // transaction has already written, so max(seq) cannot move under it.
    const base = this.kind === 'sqlite' ? await this.newestSeq() : 0;
    const rows = events.map(({ event, at, flag }, i) => ({
      id: event.id,
      ...(this.kind === 'sqlite' ? { seq: base + i + 1 } : {}),
      trainee_id: traineeId,
      device_id: event.deviceId,
      type: event.type,
      lesson_id: event.lessonId,
      payload: storedPayload(event),
      at,
      original_at: at === event.at ? null : event.at,
      flag,
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

  /** The stored events with these ids, whoever holds them. */
  async find(ids: string[]): Promise<Map<string, StoredEvent>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('events').selectAll().where('id', 'in', ids).execute();
    return new Map(
      rows.map((row) => [row.id, { traineeId: row.trainee_id, sent: { ...toLearnerEvent(row), at: row.original_at ?? row.at }, at: row.at, flag: row.flag }]),
    );
  }

  /** The newest stamp stored for one device of the trainee, if any. */
  async newestStampOf(traineeId: string, deviceId: string): Promise<Hlc | undefined> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('at').as('newest'))
      .where('trainee_id', '=', traineeId)
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    return row?.newest ?? undefined;
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

  /** Every stored event of one trainee, as merged, in server order; flagged ones only when asked. */
  async eventsOf(traineeId: string, { flagged = true }: { flagged?: boolean } = {}): Promise<LearnerEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('trainee_id', '=', traineeId)
      .$if(!flagged, (q) => q.where('flag', 'is', null))
      .orderBy('seq')
      .execute();
    return rows.map(toLearnerEvent);
  }

  /** The placed (unflagged) events of these trainees, as merged, each trainee's in server order: what the rollups are built from. */
  async placedEventsOf(traineeIds: string[]): Promise<Array<{ traineeId: string; event: LearnerEvent }>> {
    if (traineeIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('trainee_id', 'in', traineeIds)
      .where('flag', 'is', null)
      .orderBy('trainee_id')
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({ traineeId: row.trainee_id, event: toLearnerEvent(row) }));
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
