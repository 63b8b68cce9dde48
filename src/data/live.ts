/**
 * What the UI's live hooks need from Dexie, as one module they load as background work (after
 * the first screen): the course list and the header draw first, then fill in progress and
 * sync status. Dexie is about half the JavaScript the first screen would otherwise wait for on
 * a slow link.
 */
export { liveQuery } from 'dexie';
export { getDb } from './db.ts';
