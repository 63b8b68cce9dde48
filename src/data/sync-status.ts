import { liveQuery } from 'dexie';
import { getDb, getMeta, unsyncedEvents, type LearnDb } from './db.ts';
import { parseHlc } from '../shared/hlc.ts';
import { initialSnapshot, type SyncSnapshot } from './sync-message.ts';

type Local = Pick<SyncSnapshot, 'online' | 'syncing' | 'storageError' | 'unsaved'>;
type Stored = Omit<SyncSnapshot, keyof Local>;

/** A tiny observable of SyncSnapshot: stored parts through liveQuery, this tab's parts in memory. */
export interface SyncStatusStore {
  get(): SyncSnapshot;
  subscribe(listener: (snapshot: SyncSnapshot) => void): () => void;
  /** For the sync engine and the verbs: this tab's transient state. */
  patch(local: Partial<Local>): void;
}

const stores = new WeakMap<LearnDb, SyncStatusStore>();

/** The status store of `db` (one per database, shared by its engine, verbs and components). */
export function syncStatusOf(db: LearnDb = getDb()): SyncStatusStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = createStore(db)));
  return store;
}

function createStore(db: LearnDb): SyncStatusStore {
  const { online, syncing, storageError, unsaved, ...storedStart } = initialSnapshot();
  let local: Local = { online, syncing, storageError, unsaved };
  let stored: Stored = storedStart;
  let snapshot: SyncSnapshot = { ...stored, ...local };
  const listeners = new Set<(s: SyncSnapshot) => void>();
  let stop: (() => void) | undefined;

  const emit = () => {
    snapshot = { ...stored, ...local };
    for (const l of listeners) l(snapshot);
  };
  const onNetwork = () => {
    local = { ...local, online: navigator.onLine };
    emit();
  };
  const start = () => {
    const sub = liveQuery(async () => ({
      enrolled: Boolean(await getMeta(db, 'token')),
      pending: await db.events.where('synced').equals(0).count(),
      oldestPendingAt: oldestPendingAt(await unsyncedEvents(db).first()),
      lastSyncAt: (await getMeta(db, 'lastSyncAt')) ?? null,
      problem: (await getMeta(db, 'syncProblem')) ?? null,
    })).subscribe({
      next(value) {
        stored = value;
        emit();
      },
      error: () => {}, // a broken database shows up as a storage error from the verbs instead
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('online', onNetwork);
      window.addEventListener('offline', onNetwork);
    }
    stop = () => {
      sub.unsubscribe();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onNetwork);
        window.removeEventListener('offline', onNetwork);
      }
    };
  };

  return {
    get: () => snapshot,
    subscribe(listener) {
      if (listeners.size === 0) start();
      listeners.add(listener);
      listener(snapshot);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop?.();
      };
    },
    patch(next) {
      local = { ...local, ...next };
      emit();
    },
  };
}

// An event's HLC stamp starts with the wall time it was recorded at (see shared/hlc.ts).
const oldestPendingAt = (event: { at: string } | undefined) => (event ? parseHlc(event.at).wall : null);
