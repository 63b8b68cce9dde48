import type { LearnDb } from './db.ts';

/** What just changed in a database, for the sync engine to react to. */
export type DataChange = 'recorded' | 'enrolled';

const listeners = new WeakMap<LearnDb, Set<(change: DataChange) => void>>();

/** Calls `listener` after each committed change to `db`; returns the unsubscribe. */
export function onDataChange(db: LearnDb, listener: (change: DataChange) => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells this tab's listeners; other tabs see the new rows through liveQuery and sync on their own. */
export function notifyDataChange(db: LearnDb, change: DataChange): void {
  for (const listener of listeners.get(db) ?? []) listener(change);
}
