import { FINAL_ASSESSMENT_ID } from '../../shared/lesson.ts';
import { appStore, type LocalStore } from '../local-store.ts';
import { isOnline } from '../network.ts';
import { getMeta } from '../store/learn-db.ts';
import type { ApiTransport } from '../sync/api-client.ts';
import { type CompletionFetch, fetchCompletion, shownCompletion } from './fetch-completion.ts';

export interface CompletionKeeperOptions {
  store?: LocalStore;
  fetch?: typeof fetch;
  baseUrl?: string;
  now?: () => number;
}

/** How often a kept record is asked for again, so a revocation reaches the holder's phone. */
const REFRESH_MS = 24 * 60 * 60 * 1000;

/**
 * Fetches the completion record after the sync that completes the course: each time a sync run
 * in this tab ends well, if the phone's progress has a passed final assessment (no trainee
 * completes without one, so nobody else pays a request) and no record is kept yet, or the kept
 * one was last asked for a day ago. The server issues the record in that same sync, or at this
 * request, and checks the lessons itself. Returns stop().
 */
export function keepCompletionRecord(options: CompletionKeeperOptions = {}): () => void {
  const store = options.store ?? appStore();
  const now = options.now ?? Date.now;
  const transport: ApiTransport = { fetch: options.fetch ?? ((input, init) => fetch(input, init)), baseUrl: options.baseUrl ?? '' };
  let running = false;
  return store.changes.on((change) => {
    if (change.kind !== 'syncing' || change.on || running) return;
    running = true;
    void fetchIfDue(store, transport, now)
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  });
}

/** Fetches the record now if the rule above says it is due; resolves with what happened, or 'not_due'. */
export async function fetchIfDue(store: LocalStore, transport: ApiTransport, now = Date.now): Promise<CompletionFetch | 'not_due'> {
  const { db } = store;
  if (!isOnline() || !(await getMeta(db, 'token')) || (await getMeta(db, 'syncProblem'))) return 'not_due';
  const kept = await shownCompletion(db);
  if (kept && (await getMeta(db, 'trainee'))?.id === kept.traineeId) {
    if (now() - kept.fetchedAt < REFRESH_MS) return 'not_due';
  } else {
    const final = await db.progress.get(FINAL_ASSESSMENT_ID);
    if (!final?.attempts.some((a) => a.passed)) return 'not_due';
  }
  return fetchCompletion(store, transport, now);
}
