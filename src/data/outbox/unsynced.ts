import Dexie from 'dexie';
import type { LearnDb } from '../store/learn-db.ts';

/**
 * The outbox proper: this device's events the server does not hold yet, oldest first
 * ([synced+at]); with `after`, only those stamped later than it.
 */
export function unsyncedEvents(db: LearnDb, after?: string) {
  const from = after === undefined ? [0, Dexie.minKey] : [0, after];
  return db.events.where('[synced+at]').between(from, [0, Dexie.maxKey], after === undefined);
}
