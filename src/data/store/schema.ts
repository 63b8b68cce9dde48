import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { LearnerEvent } from '../../shared/events.ts';
import { foldEvents } from '../../shared/merge-progress.ts';

/*
 * The phone's database schema, every version of it, in one place. A version that has shipped is
 * never edited: a change is a new entry with an upgrade that keeps the trainee's data, and
 * test/data/upgrade.test.ts opens a database written by version 1 with the latest code.
 */

export const DB_NAME = 'egov-learn';

const STORES = {
  /** Every learner event, this device's and those pulled from others. */
  events: 'events',
  /** Version 3's outbox, keyed by event id; version 4 moved its rows to `pending`. */
  outbox: 'outbox',
  /**
   * The outbox: this device's events the server does not hold yet, keyed by [at+id] so that a
   * batch (the oldest first) is one range of keys and its acknowledgement one range delete.
   */
  pending: 'pending',
  /** Events the server refused, kept (never deleted) so the trainee can see and export them. */
  held: 'held',
  /** One derived LessonProgress row per lesson: a cache of foldEvents over `events`. */
  progress: 'progress',
  /** Small key-value settings: device id, HLC, cursor, token, trainee, last sync. */
  meta: 'meta',
  /** The signed completion record(s) the server issued, by record id (src/data/completion). */
  completion: 'completion',
} as const;

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    // IndexedDB cannot index booleans, hence `synced` as 0/1.
    stores: { [STORES.events]: 'id, synced, lessonId', [STORES.progress]: 'lessonId', [STORES.meta]: 'key' },
  },
  {
    version: 2,
    // [synced+at] lets the outbox push oldest first (version 1 pushed in id order), and the
    // derived rows are rebuilt from the events so that rows written by older merge rules (say,
    // without LWW clocks) match the fold of today's rules.
    stores: { [STORES.events]: 'id, synced, lessonId, [synced+at]' },
    upgrade: rebuildProgress,
  },
  {
    version: 3,
    // The outbox gets its own store: acknowledging an event deletes one small row by its key
    // instead of rewriting the event and two index entries, and the unsynced events are read
    // without stepping over the synced ones. `held` keeps what the server refused. `completion`
    // keeps the signed completion record, so the certificate shows offline.
    stores: { [STORES.events]: 'id, lessonId', [STORES.outbox]: 'id, at', [STORES.held]: 'id', [STORES.completion]: 'id' },
    upgrade: moveUnsyncedToOutbox,
  },
  {
    version: 4,
    // The outbox keyed by [at+id] instead of id, without a secondary index: a sync round pushes
    // the oldest events, which are now one range of keys, and removes them with one range delete
    // once the server has answered for all of them. Chromium deletes 200 rows key by key about
    // 15 times slower than a range of them (a LevelDB iterator per key), and that was most of the
    // phone's time in a sync. Dexie cannot change a primary key, hence a new store.
    stores: { [STORES.outbox]: null, [STORES.pending]: '[at+id]' },
    upgrade: movePending,
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

/** Declares versions 1..`upTo` on `db`; only tests pass `upTo`, to write an old database. */
export function defineSchema(db: Dexie, upTo: number = LATEST_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
}

async function moveUnsyncedToOutbox(tx: Transaction): Promise<void> {
  const events = tx.table(STORES.events);
  const unsynced = (await events.filter((e: { synced?: number }) => e.synced === 0).toArray()) as Array<LearnerEvent & { synced?: number }>;
  await tx.table(STORES.outbox).bulkAdd(unsynced.map(({ synced: _, ...event }) => event));
  await events.toCollection().modify((e: { synced?: number }) => {
    delete e.synced;
  });
}

async function movePending(tx: Transaction): Promise<void> {
  await tx.table(STORES.pending).bulkAdd(await tx.table(STORES.outbox).toArray());
}

async function rebuildProgress(tx: Transaction): Promise<void> {
  const events = (await tx.table(STORES.events).toArray()) as LearnerEvent[];
  await tx.table(STORES.progress).clear();
  await tx.table(STORES.progress).bulkPut(Object.values(foldEvents(events)));
}
