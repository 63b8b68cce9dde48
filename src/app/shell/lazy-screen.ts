import { h, type ComponentType } from 'preact';
import { useRef, useState } from 'preact/hooks';

/** A screen's code could not be downloaded: offline before it was cached, or an old file gone after a deploy. */
export class ScreenLoadError extends Error {
  constructor() {
    super('screen code failed to load');
    this.name = 'ScreenLoadError';
  }
}

export interface LazyScreen<P> {
  (props: P): ReturnType<typeof h>;
  /** Starts the download now; never rejects. */
  preload(): Promise<void>;
}

/**
 * A screen loaded on first use, for preact-iso's Router, which keeps the previous screen on show
 * while it loads. Unlike preact-iso's `lazy`, a failed download is not kept: the screen throws a
 * ScreenLoadError for ScreenBoundary to show (never the old screen under the new address), and
 * the next render tries the download again.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let component: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  let failed = false;
  const start = () =>
    (pending ??= load().then(
      (loaded) => {
        component = loaded;
      },
      () => {
        failed = true;
      },
    ));
  const Screen = (props: P) => {
    const [, settled] = useState(0);
    const waiting = useRef(false);
    if (component) return h(component, props);
    if (failed) {
      failed = false;
      pending = undefined;
      throw new ScreenLoadError();
    }
    // Suspends the Router until the download settles, whichever way; then this screen draws
    // itself again (the Router hands back the very same element, which Preact would skip).
    const download = start();
    if (!waiting.current) {
      waiting.current = true;
      void download.then(() => settled(1));
    }
    throw download;
  };
  Screen.preload = start;
  return Screen as LazyScreen<P>;
}
