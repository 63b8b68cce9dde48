/**
 * When background work may start: the data layer (Dexie) behind progress and the sync line, the
 * sync engine, the service worker, the storage readout. On a slow link their downloads would
 * compete with what the trainee opened the app to read, so they wait for the first screen's
 * content: by default the first painted frame; a lesson opened by its address holds them until
 * its text is on screen (LessonPage releases them).
 */
let ready: Promise<void> | undefined;
let release: (() => void) | undefined;

export function backgroundWorkMayStart(): Promise<void> {
  return (ready ??= afterPaint());
}

/** Holds background work until releaseBackgroundWork() is called, or `limitMs` at most. */
export function holdBackgroundWork(limitMs = 5000): void {
  ready = new Promise((resolve) => {
    release = resolve;
    setTimeout(resolve, limitMs);
  });
}

/** The held screen's content is shown: call it from an effect, which runs after the paint. */
export function releaseBackgroundWork(): void {
  release?.();
}

/** After the next painted frame, or a second in a hidden tab (which paints no frames). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 1000);
  });
}
