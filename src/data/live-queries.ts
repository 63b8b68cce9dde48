import { liveQuery } from 'dexie';
import type { LessonProgress } from '../shared/progress.ts';
import type { EnrolResponse } from '../shared/sync-api.ts';
import { shownCompletion } from './completion/fetch-completion.ts';
import type { KeptCompletion } from './completion/kept-completion.ts';
import { appStore } from './local-store.ts';
import { getMeta, type LearnDb } from './store/learn-db.ts';
import type { SyncSnapshot } from './sync/status-snapshot.ts';

/*
 * What the UI may watch, by name. Each value is read from the app's store and sent again whenever
 * the rows it read change, in this tab or another; the UI never sees a table.
 */

/** A value to watch: `subscribe` calls `next` with each new value and returns the unsubscribe. */
export interface Live<T> {
  subscribe(next: (value: T) => void): () => void;
}

/**
 * A live query over the app's store. Its first answer is marked in the page's performance
 * timeline ("egov:<name>"): the benchmarks time a screen's data by it.
 */
function live<T>(name: string, query: (db: LearnDb) => Promise<T>): Live<T> {
  return {
    subscribe(next) {
      let first = true;
      const subscription = liveQuery(() => query(appStore().db)).subscribe({
        next(value) {
          if (first && typeof performance !== 'undefined') performance.mark(`egov:${name}`);
          first = false;
          next(value);
        },
        error: (error) => console.error('live query failed', error),
      });
      return () => subscription.unsubscribe();
    },
  };
}

/** One lesson's progress; undefined for a lesson never touched. */
export const lessonProgress = (lessonId: string): Live<LessonProgress | undefined> => live('lessonProgress', (db) => db.progress.get(lessonId));

/** Every touched lesson's progress, by lesson id. */
export const courseProgress = (): Live<Record<string, LessonProgress>> =>
  live('courseProgress', async (db) => Object.fromEntries((await db.progress.toArray()).map((p) => [p.lessonId, p])));

/** Who this phone is enrolled for, or null before enrolment (and after a revoked token). */
export const enrolment = (): Live<EnrolResponse['trainee'] | null> => live('enrolment', async (db) => (await getMeta(db, 'trainee')) ?? null);

/** Everything the sync status line needs. */
export const syncState = (): Live<SyncSnapshot> => ({ subscribe: (next) => appStore().status.subscribe(next) });

/**
 * The trainee's signed completion record, kept on the phone, or null before there is one. After
 * the enrolment is revoked the last record kept still shows: it is the trainee's proof.
 */
export const completionRecord = (): Live<KeptCompletion | null> => live('completionRecord', shownCompletion);
