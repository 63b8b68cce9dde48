import Dexie, { RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { LearnDb } from './learn-db.ts';

/*
 * A read-write transaction issued on IndexedDB itself, beside Dexie, for the one write that is
 * on the trainee's path each time they read a section or answer a question: record(). Dexie costs
 * a few promise hops and middleware calls per request; record() makes six requests, and through
 * Dexie that made its p95 2.0-2.3 x a bare Dexie add on a disk profile (the bench's target is
 * at most 2 x). The same six requests issued directly measured 1.05-1.37 x one Dexie add.
 *
 * What Dexie would have done after such a write is done here too: announceWrites() tells
 * liveQuery in this tab and in the others (Dexie's BroadcastChannel) which rows changed. Dexie's
 * query cache is switched off for the app's database (learn-db.ts): it only knows of writes made
 * through Dexie, and would answer a live query with rows from before a direct write.
 */

/**
 * A read-write transaction over `stores` on the database's IndexedDB connection, or undefined
 * while Dexie has the connection closed (say, for an upgrade in another tab) or it is closing
 * under Dexie: the caller then goes through Dexie, which opens it again.
 */
export function directTransaction(db: LearnDb, stores: string[]): IDBTransaction | undefined {
  if (!db.isOpen()) return undefined;
  try {
    return db.backendDB().transaction(stores, 'readwrite');
  } catch (error) {
    if (error instanceof DOMException && error.name === 'InvalidStateError') return undefined;
    throw error;
  }
}

/**
 * Resolves when `tx` commits; rejects with its error when it fails, or with `aborted()` when the
 * caller aborted it (a failed check), so nothing it wrote is kept either way.
 */
export function committed(tx: IDBTransaction, aborted: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? aborted());
  });
}

/** A row written to `table`: its key and index values are read from it as Dexie would. */
export interface Written {
  table: string;
  row: object;
}

/**
 * Tells Dexie's live queries (this tab's and, through Dexie's BroadcastChannel, other tabs') that
 * these rows were written, in the form Dexie's own writes announce themselves with
 * (`Dexie.on('storagemutated')`, see dexie.org/docs/Dexie/Dexie.on.storagemutated).
 */
export function announceWrites(db: LearnDb, writes: Written[]): void {
  const parts: ObservabilitySet = {};
  const touch = (table: string, index: string, key: IndexableType | undefined) => {
    if (key !== undefined) ((parts[`idb://${db.name}/${table}/${index}`] ??= new RangeSet()) as RangeSet).addKey(key);
  };
  for (const { table, row } of writes) {
    const { primKey, indexes } = db.table(table).schema;
    const key = valueAt(row, primKey.keyPath);
    touch(table, '', key);
    // A row written without reading it first may have replaced one: Dexie marks its key as
    // possibly deleted too, so a query that saw the old row reads again.
    touch(table, ':dels', key);
    for (const index of indexes) touch(table, index.name, valueAt(row, index.keyPath));
  }
  Dexie.on('storagemutated').fire(parts);
}

function valueAt(row: object, keyPath: string | string[] | undefined): IndexableType | undefined {
  if (keyPath === undefined) return undefined;
  if (Array.isArray(keyPath)) {
    const values = keyPath.map((path) => valueAt(row, path));
    return values.every((v) => v !== undefined) ? (values as IndexableType) : undefined;
  }
  return Dexie.getByKeyPath(row, keyPath) as IndexableType | undefined;
}
