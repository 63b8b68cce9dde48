import { SYNC_BATCH_LIMIT } from '../../shared/sync-api.ts';
import { keepCompletionRecord } from '../completion/completion-keeper.ts';
import { appStore, type LocalStore } from '../local-store.ts';
import { isOnline, onNetworkChange } from '../network.ts';
import { onPageHidden, onPageShown, pageVisible } from '../page-visibility.ts';
import { getMeta, setMeta } from '../store/learn-db.ts';
import type { ApiTransport } from './api-client.ts';
import { onSyncRequestedByWorker, requestBackgroundSync } from './background-sync.ts';
import { classifyFailure } from './failure.ts';
import { withSyncLock } from './lock.ts';
import { runSync, type SyncOutcome } from './round.ts';

export interface SyncEngineOptions {
  /** The store to keep in step; the app's by default. */
  store?: LocalStore;
  fetch?: typeof fetch;
  baseUrl?: string;
  batchSize?: number;
  /** Wait after a recorded event, so a burst of taps becomes one request. */
  debounceMs?: number;
  /** How often to pull others' edits while the app is in view and nothing else syncs. */
  pullEveryMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  timeoutMs?: number;
}

export type SyncRun = SyncOutcome | { kind: 'offline' } | { kind: 'busy' };

/**
 * Keeps one database in step with the server: syncs on start, when the network comes back, when
 * the app comes into view or regains focus, a few seconds after new events, when the service
 * worker asks, every couple of minutes while the app is in view (so edits made on another device
 * arrive), and on a backoff timer while it fails. One sync at a time, across tabs too. Failures
 * end up in the sync status (persisted), never only in a console.
 *
 * Background Sync is asked for once per burst of events, and only when it helps: while offline,
 * when a sync failed, or when the app leaves view with events waiting. Asked while online it
 * fires at once, which would skip the grouping delay.
 */
export class SyncEngine {
  readonly store: LocalStore;
  private readonly transport: ApiTransport;
  private readonly options: Required<
    Pick<SyncEngineOptions, 'batchSize' | 'debounceMs' | 'pullEveryMs' | 'backoffBaseMs' | 'backoffMaxMs' | 'random'>
  >;
  private running: Promise<SyncRun> | undefined;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private stopped = true;
  private cleanups: Array<() => void> = [];
  /** Events were recorded since the last successful sync. */
  private unsynced = false;
  private backgroundSyncAsked = false;

  constructor(options: SyncEngineOptions = {}) {
    this.store = options.store ?? appStore();
    const f = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    this.transport = { fetch: f, baseUrl: options.baseUrl ?? '', timeoutMs: options.timeoutMs ?? 30_000 };
    this.options = {
      batchSize: options.batchSize ?? SYNC_BATCH_LIMIT,
      debounceMs: options.debounceMs ?? 3000,
      pullEveryMs: options.pullEveryMs ?? 120_000,
      backoffBaseMs: options.backoffBaseMs ?? 2000,
      backoffMaxMs: options.backoffMaxMs ?? 180_000,
      random: options.random ?? Math.random,
    };
  }

  /** Starts listening to every trigger and syncs once now; returns stop(). */
  start(): () => void {
    if (!this.stopped) return () => this.stop();
    this.stopped = false;
    const now = () => void this.syncNow();
    this.cleanups.push(
      this.store.changes.on((change) => {
        if (change.kind === 'enrolled') return now();
        if (change.kind !== 'recorded') return;
        this.unsynced = true;
        if (!isOnline()) this.askBackgroundSync();
        // While failing, new events wait for the backoff timer instead of hammering the server.
        if (this.failures === 0) this.schedule(this.options.debounceMs);
      }),
      onSyncRequestedByWorker(now),
      onNetworkChange((online) => online && now()),
      onPageShown(now),
      // The app may be closed before the grouping delay ends: the browser syncs for it.
      onPageHidden(() => this.unsynced && this.askBackgroundSync()),
    );
    now();
    return () => this.stop();
  }

  stop(): void {
    this.stopped = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.clearTimer();
  }

  /** Syncs now, or joins the sync already running in this tab (and runs once more after it). */
  syncNow(): Promise<SyncRun> {
    if (!isOnline()) return Promise.resolve({ kind: 'offline' });
    if (this.running) {
      // Events recorded while a sync is under way may have missed its batch.
      this.again = true;
      return this.running;
    }
    this.clearTimer();
    const run = withSyncLock(`egov-sync:${this.store.db.name}`, () => this.runOnce()).then((r) =>
      r === 'busy' ? ({ kind: 'busy' } as const) : r,
    );
    this.running = run.finally(() => {
      this.running = undefined;
    });
    void this.running.then((r) => {
      // Another tab is syncing; it may have read the outbox before our newest events.
      if (r.kind === 'busy') this.schedule(this.options.debounceMs);
      if (this.again) {
        this.again = false;
        this.schedule(0);
      }
    });
    return this.running;
  }

  private async runOnce(): Promise<SyncRun> {
    // Not enrolled: nothing to do, and no "Syncing…" flashing in the header either.
    const { db, changes } = this.store;
    if (!(await getMeta(db, 'token'))) return { kind: 'not_enrolled' };
    // Events recorded from here on may miss this run's batches: they set it again.
    this.unsynced = false;
    changes.emit({ kind: 'syncing', on: true });
    let outcome: SyncOutcome;
    try {
      outcome = await runSync(db, this.transport, this.options.batchSize);
    } catch {
      // A Dexie failure mid-sync: nothing was taken out of the outbox that the server did not accept.
      outcome = { kind: 'failed', failure: { kind: 'network' } };
    }
    // "Syncing" ends once the outcome is stored and the next attempt arranged.
    await this.remember(outcome).catch(() => {});
    changes.emit({ kind: 'syncing', on: false });
    return outcome;
  }

  /** Persists the outcome for the status line and arranges the next attempt. */
  private async remember(outcome: SyncOutcome): Promise<void> {
    const { db } = this.store;
    if (outcome.kind === 'synced') {
      this.failures = 0;
      this.backgroundSyncAsked = false;
      await db.transaction('rw', db.meta, async () => {
        await setMeta(db, 'lastSyncAt', Date.now());
        await db.meta.delete('syncProblem');
      });
      if (pageVisible()) this.schedule(this.options.pullEveryMs);
      // The server now holds what was pushed: events it made redundant may go. In the
      // background: a sync never waits for it, and a failure costs nothing but the space.
      void this.store.compact().catch((error) => console.error('could not compact events', error));
      return;
    }
    if (outcome.kind === 'not_enrolled') return; // enrol() triggers the next sync
    this.unsynced = true;
    this.failures++;
    const { backoffBaseMs: baseMs, backoffMaxMs: maxMs, random } = this.options;
    const problem = classifyFailure(outcome.failure, this.failures, Date.now(), { baseMs, maxMs, random });
    await db.transaction('rw', db.meta, async () => {
      await setMeta(db, 'syncProblem', problem);
      // A revoked token is useless; removing it brings the enrolment form back. The events stay.
      if (problem.kind === 'revoked') await db.meta.bulkDelete(['token', 'trainee']);
    });
    if (problem.kind === 'revoked') return;
    this.schedule(problem.retryAt - Date.now());
    if (problem.kind === 'unreachable') this.askBackgroundSync();
  }

  private askBackgroundSync(): void {
    if (this.backgroundSyncAsked) return;
    this.backgroundSyncAsked = true;
    void requestBackgroundSync();
  }

  /** Runs a sync in `ms`, unless one is already due sooner. */
  private schedule(ms: number): void {
    if (this.stopped) return;
    const at = Date.now() + Math.max(0, ms);
    if (this.timer && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      void this.syncNow();
    }, at - Date.now());
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}

let appEngine: SyncEngine | undefined;

/**
 * Starts the app's engine over the app's store (once), and with it the fetching of the completion
 * record after the sync that completes the course; main.tsx calls this.
 */
export function startSyncEngine(options: SyncEngineOptions = {}): SyncEngine {
  if (!appEngine) {
    appEngine = new SyncEngine(options);
    appEngine.start();
    keepCompletionRecord({ store: appEngine.store, fetch: options.fetch, baseUrl: options.baseUrl });
  }
  return appEngine;
}

/** Syncs the app's store now (the "Sync now" button). */
export function syncAppNow(): Promise<SyncRun> {
  return startSyncEngine().syncNow();
}
