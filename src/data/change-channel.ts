import type { DataError } from './data-error.ts';

/**
 * What just happened to a store, told to this tab's listeners (the sync engine, the sync status).
 * Other tabs see new rows through liveQuery and run their own engines.
 */
export type DataChange =
  /** An event was stored in the outbox. */
  | { kind: 'recorded' }
  /** The phone has a token now. */
  | { kind: 'enrolled' }
  /** A sync run started or ended in this tab. */
  | { kind: 'syncing'; on: boolean }
  /** Storing failed (or recovered): `waiting` events wait in the retry queue, `error` says why. */
  | { kind: 'unsaved'; error: DataError | null; waiting: number };

/** A tiny synchronous event channel: listeners run in order, right after the change committed. */
export class ChangeChannel {
  private readonly listeners = new Set<(change: DataChange) => void>();

  /** Calls `listener` after each change; returns the unsubscribe. */
  on(listener: (change: DataChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: DataChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
