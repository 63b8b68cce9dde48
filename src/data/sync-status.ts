import { liveQuery } from 'dexie';
import { getDb, getMeta, type LearnDb } from './db.ts';
import { parseHlc } from '../shared/hlc.ts';
import type { DataError } from './data-error.ts';
import type { SyncProblem } from './sync-problem.ts';

/** Everything the sync status line needs, from the database and from this tab. */
export interface SyncSnapshot {
  online: boolean;
  syncing: boolean;
  enrolled: boolean;
  /** Events recorded on this phone the server does not hold yet. */
  pending: number;
  /** When the oldest of those was recorded (ms), or null when none waits. */
  oldestPendingAt: number | null;
  lastSyncAt: number | null;
  problem: SyncProblem | null;
  /** The last failure to save on the phone (storage full, say); cleared by the next success. */
  storageError: DataError | null;
  /** Steps waiting to be saved on the phone after such a failure (see unsaved-steps.ts). */
  unsaved: number;
}

/** What the status line says, as an i18n key in the sync namespace plus its values. */
export type SyncMessage =
  | { key: 'storage'; error: DataError; unsaved: number }
  | { key: 'offline'; pending: number }
  | { key: 'syncing'; pending: number }
  | { key: 'revoked'; pending: number }
  | { key: 'refused'; code: string; pending: number }
  | { key: 'retrying'; retryAt: number; pending: number }
  | { key: 'notEnrolled'; pending: number }
  | { key: 'waiting'; pending: number }
  | { key: 'synced'; at: number }
  | { key: 'never' };

/** Picks the one thing the trainee most needs to know; a failure always wins over "synced". */
export function describeSync(s: SyncSnapshot): SyncMessage {
  const { pending } = s;
  if (s.storageError) return { key: 'storage', error: s.storageError, unsaved: s.unsaved };
  if (!s.online) return { key: 'offline', pending };
  if (s.syncing) return { key: 'syncing', pending };
  if (s.problem?.kind === 'revoked') return { key: 'revoked', pending };
  if (!s.enrolled) return { key: 'notEnrolled', pending };
  if (s.problem?.kind === 'refused') return { key: 'refused', code: s.problem.code, pending };
  if (s.problem) return { key: 'retrying', retryAt: s.problem.retryAt, pending };
  if (pending > 0) return { key: 'waiting', pending };
  return s.lastSyncAt ? { key: 'synced', at: s.lastSyncAt } : { key: 'never' };
}

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
  const hasNavigator = typeof navigator !== 'undefined';
  let local: Local = { online: hasNavigator ? navigator.onLine : true, syncing: false, storageError: null, unsaved: 0 };
  let stored: Stored = { enrolled: false, pending: 0, oldestPendingAt: null, lastSyncAt: null, problem: null };
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
      oldestPendingAt: oldestPendingAt(await db.events.where('[synced+at]').between([0, ''], [0, '\uffff']).first()),
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
