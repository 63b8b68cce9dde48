import type { LearnDb } from '../store/learn-db.ts';

/**
 * This device's events the server does not hold yet, oldest first; with `after`, only those
 * stamped later than it.
 */
export function unsyncedEvents(db: LearnDb, after?: string) {
  return after === undefined ? db.outbox.orderBy('at') : db.outbox.where('at').above(after);
}
