import type { DataError } from '../data-error.ts';
import { isOnline } from '../network.ts';
import type { SyncProblem } from './failure.ts';

// The sync status as plain values, without Dexie: the header draws from these before the
// database layer has loaded (status.ts is the live store).

/** Everything the sync status line needs, from the database and from this tab. */
export interface SyncSnapshot {
  online: boolean;
  syncing: boolean;
  enrolled: boolean;
  /** Events recorded on this phone the server does not hold yet. */
  pending: number;
  /** When the oldest of those was recorded (ms), or null when none waits. */
  oldestPendingAt: number | null;
  /** Events the server refused, held back on the phone (see sync/held-back.ts). */
  held: number;
  lastSyncAt: number | null;
  problem: SyncProblem | null;
  /** The last failure to save on the phone (storage full, say); cleared by the next success. */
  storageError: DataError | null;
  /** Events waiting to be stored on the phone after such a failure (see outbox/waiting-events.ts). */
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

/** What the status shows before the database has answered. */
export function initialSnapshot(): SyncSnapshot {
  return {
    online: isOnline(),
    syncing: false,
    enrolled: false,
    pending: 0,
    oldestPendingAt: null,
    held: 0,
    lastSyncAt: null,
    problem: null,
    storageError: null,
    unsaved: 0,
  };
}
