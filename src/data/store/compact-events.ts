import { forgettableEvents } from '../../shared/compaction.ts';
import type { KeyValueStorage } from '../local-storage.ts';
import { eventsWaiting } from '../outbox/waiting-events.ts';
import { getMeta, setMeta, type LearnDb } from './learn-db.ts';

/** How many events the store may gain after a compaction before the next one. */
export const COMPACT_EVERY = 2000;
/** Events deleted per transaction: a tap's record() never waits behind one long delete. */
const DELETE_BATCH = 500;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Forgets the events that no longer change this phone's progress (shared/compaction.ts), once
 * the store has gained COMPACT_EVERY events since the last time; resolves with how many went.
 * A year of study is tens of thousands of events, and every IndexedDB write slows down as the
 * store grows; the server keeps every event. The sync engine starts it after a successful sync,
 * in the background. Two at once (two tabs) do no harm: each deletes only forgettable events.
 *
 * One lesson at a time: its events, the outbox's ids and the held-back ids are read in one
 * transaction, so what counts as final is what the server held at that moment, and a final event
 * stays final. What goes is then deleted in small transactions. Events recorded or pulled in
 * between change nothing: a forgettable event stays forgettable whatever arrives later.
 */
export async function compactEvents(db: LearnDb, storage: KeyValueStorage | undefined): Promise<number> {
  const [count, last] = await Promise.all([db.events.count(), getMeta(db, 'compactedCount')]);
  if (count - (last ?? 0) < COMPACT_EVERY) return 0;
  // A waiting event may be a retry of one already stored, which record() finds by its id.
  if (eventsWaiting(db.name, storage)) return 0;
  let forgotten = 0;
  for (const lessonId of (await db.events.orderBy('lessonId').uniqueKeys()) as string[]) {
    const ids = await db.transaction('r', [db.events, db.pending, db.held], async () => {
      const [events, pending, held] = await Promise.all([
        db.events.where('lessonId').equals(lessonId).toArray(),
        db.pending.toCollection().primaryKeys(),
        db.held.toCollection().primaryKeys(),
      ]);
      const notFinal = new Set<string>([...pending.map(([, id]) => id), ...held]);
      return forgettableEvents(events, (e) => !notFinal.has(e.id));
    });
    for (let i = 0; i < ids.length; i += DELETE_BATCH) {
      await nextTask();
      await db.events.bulkDelete(ids.slice(i, i + DELETE_BATCH));
    }
    forgotten += ids.length;
  }
  await setMeta(db, 'compactedCount', count - forgotten);
  return forgotten;
}
