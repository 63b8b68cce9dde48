/**
 * When background work may start: the data layer (Dexie) behind progress and the sync line, the
 * sync engine, the service worker, the storage readout. On a slow link their downloads would
 * compete with what the trainee opened the app to read, and on a slow phone their scripts would
 * block the taps the first screen invites, so they wait for three things:
 * - the first screen's content: by default the first painted frame; a lesson opened by its
 *   address holds them until its text is on screen (LessonPage releases them);
 * - the page's load event;
 * - a quiet period after it: QUIET_MS without a long task (over 50 ms) on the main thread, or
 *   QUIET_LIMIT_MS at most on a phone that never goes quiet; then an idle moment
 *   (requestIdleCallback, at most IDLE_LIMIT_MS later). The start-up's own tasks (layout, the
 *   lesson's render, the browser's work after load) are over before the first of them runs.
 * On a phone that is about two seconds after the page loaded; the sync engine then syncs at once.
 * A trainee's step never waits for this (see data-layer.ts: `act`).
 */
let ready: Promise<void> | undefined;
let contentShown: Promise<void> | undefined;
let release: (() => void) | undefined;
let startNow: (() => void) | undefined;

/** How long the main thread must have been free of long tasks, after the load event. */
export const QUIET_MS = 1500;
/** The longest wait for that quiet period. */
export const QUIET_LIMIT_MS = 8000;
/** The longest wait for an idle moment after the quiet period. */
export const IDLE_LIMIT_MS = 1000;

export function backgroundWorkMayStart(): Promise<void> {
  return (ready ??= new Promise<void>((resolve) => {
    startNow = resolve;
    void (contentShown ??= afterPaint()).then(afterLoad).then(quietThenIdle).then(resolve);
  }));
}

/**
 * Lets background work start at once: the trainee has gone to another screen, whose progress
 * and sync line should not wait for a quiet period that was there to protect the first one.
 * (Component tests, which draw one screen alone, start it this way too.)
 */
export function startBackgroundWorkNow(): void {
  void backgroundWorkMayStart();
  startNow?.();
}

/** Holds background work until releaseBackgroundWork() is called, or `limitMs` at most. */
export function holdBackgroundWork(limitMs = 5000): void {
  contentShown = new Promise((resolve) => {
    release = resolve;
    setTimeout(resolve, limitMs);
  });
}

/** The held screen's content is shown: call it from an effect, which runs after the paint. */
export function releaseBackgroundWork(): void {
  release?.();
}

/**
 * Ends the current task and resumes in a new one, so a chain of background steps never makes
 * one long task: scheduler.yield() where the browser has it (it resumes before other queued
 * background tasks), a zero timeout elsewhere.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** After the next painted frame, or a second in a hidden tab (which paints no frames). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 1000);
  });
}

function afterLoad(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => addEventListener('load', () => resolve(), { once: true }));
}

function quietThenIdle(): Promise<void> {
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let observer: PerformanceObserver | undefined;
    const idle = () => {
      clearTimeout(quiet);
      clearTimeout(limit);
      observer?.disconnect();
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_LIMIT_MS });
      else setTimeout(resolve, 0);
    };
    const restart = () => {
      clearTimeout(quiet);
      quiet = setTimeout(idle, QUIET_MS);
    };
    const limit = setTimeout(idle, QUIET_LIMIT_MS);
    // Each long task reported starts the quiet period again (Chromium reports them; elsewhere
    // the period is a plain wait).
    if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      observer = new PerformanceObserver(restart);
      observer.observe({ type: 'longtask' });
    }
    restart();
  });
}
