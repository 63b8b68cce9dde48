import Dexie, { type Table } from 'dexie';
import type { CourseIdSource } from '../../shared/course-ids.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import type { KeptCompletion } from '../completion/kept-completion.ts';
import type { LessonProgress } from '../../shared/progress.ts';
import type { EnrolResponse } from '../../shared/sync-api.ts';
import type { SyncProblem } from '../sync/failure.ts';
import { DB_NAME, defineSchema } from './schema.ts';

/** An event the server refused: kept with its reason, so it can be shown and exported. */
export interface HeldEvent {
  id: string;
  event: LearnerEvent;
  /** The server's refusal code and message. */
  code: string;
  message: string;
  /** When it was refused (ms). */
  heldAt: number;
}

/** An outbox row's key: its stamp, then its id, so the rows sort oldest first. */
export type PendingKey = [at: string, id: string];

/** The key of `event`'s row in the outbox (`pending`). */
export const pendingKey = (event: Pick<LearnerEvent, 'at' | 'id'>): PendingKey => [event.at, event.id];

/** What the meta store holds under each key. */
export interface MetaValues {
  deviceId: string;
  /** The newest HLC stamp this device has issued or seen. */
  hlc: string;
  /** The server sequence number of the last pulled event. */
  cursor: number;
  /** The server's clock minus this phone's (ms), from the last sync; stamps use the sum. */
  clockOffset: number;
  /** The course version the progress rows were folded for. */
  courseVersion: string;
  token: string;
  trainee: EnrolResponse['trainee'];
  lastSyncAt: number;
  /** Why the last sync failed; removed by the next success, so the status is never stale. */
  syncProblem: SyncProblem;
  /** How many events the store held after its last compaction (compact-events.ts). */
  compactedCount: number;
}
export type MetaKey = keyof MetaValues;
export interface MetaRow<K extends MetaKey = MetaKey> {
  key: K;
  value: MetaValues[K];
}

/** The phone's database; open as many as you like under different names (one per test device). */
export class LearnDb extends Dexie {
  // `declare`, not fields: a class field would overwrite the tables Dexie defines in super().
  declare events: Table<LearnerEvent, string>;
  /** The outbox: this device's events the server does not hold yet, by [at, id] (see schema.ts). */
  declare pending: Table<LearnerEvent, PendingKey>;
  declare held: Table<HeldEvent, string>;
  declare progress: Table<LessonProgress, string>;
  declare meta: Table<MetaRow, string>;
  declare completion: Table<KeptCompletion, string>;
  /** The device id, once read: it never changes for the life of the database. */
  knownDeviceId: string | undefined;
  /** The course's lesson and section ids with their former ids (see progress-rows.ts). */
  courseIds: CourseIdSource | undefined;
  /**
   * What record() last read or wrote in this tab: the HLC, the clock offset and lessons' progress
   * rows. A guess only: each record() checks it against the store inside its own transaction.
   */
  lastWritten: { hlc: string | undefined; offset: number; rows: Map<string, LessonProgress | undefined> } | undefined;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Dexie's query cache knows only of writes made through Dexie; record() writes directly.
    super(name, { cache: 'disabled', ...options });
    defineSchema(this);
  }
}

/** Reads one meta value, or undefined when it was never written. */
export async function getMeta<K extends MetaKey>(db: LearnDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

/** Writes one meta value (inside the caller's transaction when there is one). */
export async function setMeta<K extends MetaKey>(db: LearnDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value } as MetaRow);
}

/** This device's id, made once and kept for the life of the database. */
export async function ensureDeviceId(db: LearnDb): Promise<string> {
  db.knownDeviceId ??= await db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db, 'deviceId');
    if (existing) return existing;
    const id = crypto.randomUUID();
    await setMeta(db, 'deviceId', id);
    return id;
  });
  return db.knownDeviceId;
}
