import { ChangeChannel } from './change-channel.ts';
import { browserStorage, type KeyValueStorage } from './local-storage.ts';
import { Outbox } from './outbox/outbox.ts';
import { compactEvents } from './store/compact-events.ts';
import { DB_NAME } from './store/schema.ts';
import { LearnDb } from './store/learn-db.ts';
import { SyncStatusStore } from './sync/status.ts';

export interface LocalStoreOptions {
  /** Where events that could not be stored wait across reloads; localStorage by default. */
  storage?: KeyValueStorage | undefined;
}

/**
 * One database on this phone and everything that hangs off it: the outbox that writes to it, the
 * channel that says what changed, and the sync status drawn from both. The app has one (appStore);
 * tests open as many as they like, one per simulated device.
 */
export class LocalStore {
  readonly db: LearnDb;
  readonly changes = new ChangeChannel();
  readonly outbox: Outbox;
  readonly status: SyncStatusStore;
  private readonly storage: KeyValueStorage | undefined;
  private compacting: Promise<number> | undefined;

  constructor(name: string = DB_NAME, { storage = browserStorage() }: LocalStoreOptions = {}) {
    this.db = new LearnDb(name);
    this.storage = storage;
    this.outbox = new Outbox(this.db, this.changes, storage);
    this.status = new SyncStatusStore(this.db, this.changes);
  }

  /**
   * Forgets the events that no longer change progress, when enough have come since the last
   * time (store/compact-events.ts); joins the run under way. Resolves with how many went.
   */
  compact(): Promise<number> {
    return (this.compacting ??= compactEvents(this.db, this.storage).finally(() => {
      this.compacting = undefined;
    }));
  }
}

let app: LocalStore | undefined;

/** The app's store, opened on first use. */
export function appStore(): LocalStore {
  return (app ??= new LocalStore());
}

/** Makes `store` the app's: the verbs, live queries and engine then use it (tests, a second profile). */
export function setAppStore(store: LocalStore): void {
  app = store;
}
