import Dexie from 'dexie';
import type { LearnDb } from '../store/learn-db.ts';

/**
 * This device's events the server does not hold yet, oldest first (the outbox's key order);
 * with `after`, only those stamped later than it.
 */
export function unsyncedEvents(db: LearnDb, after?: string) {
  // [after, maxKey] sorts after every key stamped `after` (an array sorts after any string).
  return after === undefined ? db.pending.toCollection() : db.pending.where(':id').above([after, Dexie.maxKey]);
}

/** The outbox's events stamped within [from, to] (both included), oldest first. */
export function unsyncedBetween(db: LearnDb, from: string, to: string) {
  return db.pending.where(':id').between([from, Dexie.minKey], [to, Dexie.maxKey], true, true);
}
