import { liveQuery } from 'dexie';
import { parseHlc } from '../../shared/hlc.ts';
import type { ChangeChannel } from '../change-channel.ts';
import { isOnline, onNetworkChange } from '../network.ts';
import { unsyncedEvents } from '../outbox/unsynced.ts';
import { getMeta, type LearnDb } from '../store/learn-db.ts';
import { initialSnapshot, type SyncSnapshot } from './status-snapshot.ts';

type Local = Pick<SyncSnapshot, 'online' | 'syncing' | 'storageError' | 'unsaved'>;
type Stored = Omit<SyncSnapshot, keyof Local>;

/**
 * The sync status as a tiny observable: the stored parts through liveQuery (so other tabs' syncs
 * show too), this tab's parts from the store's change channel and the network. The channel is
 * heard from the start, so a failure before anyone watches is still shown to the first watcher.
 */
export class SyncStatusStore {
  private local: Local;
  private stored: Stored;
  private snapshot: SyncSnapshot;
  private readonly listeners = new Set<(s: SyncSnapshot) => void>();
  private stop: (() => void) | undefined;

  constructor(
    private readonly db: LearnDb,
    changes: ChangeChannel,
  ) {
    const { online, syncing, storageError, unsaved, ...stored } = initialSnapshot();
    this.local = { online, syncing, storageError, unsaved };
    this.stored = stored;
    this.snapshot = { ...stored, ...this.local };
    changes.on((change) => {
      if (change.kind === 'syncing') this.patch({ syncing: change.on });
      if (change.kind === 'unsaved') this.patch({ storageError: change.error, unsaved: change.waiting });
    });
  }

  get(): SyncSnapshot {
    return this.snapshot;
  }

  /** Calls `listener` now and after every change; the first listener starts the queries. */
  subscribe(listener: (s: SyncSnapshot) => void): () => void {
    if (this.listeners.size === 0) this.start();
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop?.();
    };
  }

  private start(): void {
    const db = this.db;
    const sub = liveQuery(async () => ({
      enrolled: Boolean(await getMeta(db, 'token')),
      pending: await db.pending.count(),
      oldestPendingAt: oldestPendingAt(await unsyncedEvents(db).first()),
      held: await db.held.count(),
      lastSyncAt: (await getMeta(db, 'lastSyncAt')) ?? null,
      problem: (await getMeta(db, 'syncProblem')) ?? null,
    })).subscribe({
      next: (stored) => {
        this.stored = stored;
        this.emit();
      },
      error: () => {}, // a broken database shows up as a storage error from the outbox instead
    });
    const offNetwork = onNetworkChange((online) => this.patch({ online }));
    this.patch({ online: isOnline() });
    this.stop = () => {
      sub.unsubscribe();
      offNetwork();
    };
  }

  private patch(next: Partial<Local>): void {
    this.local = { ...this.local, ...next };
    this.emit();
  }

  private emit(): void {
    this.snapshot = { ...this.stored, ...this.local };
    for (const listener of this.listeners) listener(this.snapshot);
  }
}

// An event's HLC stamp starts with the wall time it was recorded at (see shared/hlc.ts).
const oldestPendingAt = (event: { at: string } | undefined) => (event ? parseHlc(event.at).wall : null);
