import { h, type ComponentType } from 'preact';
import { lazy } from 'preact-iso';

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
  preload(): Promise<unknown>;
}

/** Stands in for a screen whose code did not arrive: ScreenBoundary shows what to do. */
function Missing(): never {
  throw new ScreenLoadError();
}

/**
 * A screen loaded on first use, for preact-iso's Router, which keeps the previous screen on show
 * while it loads. Unlike preact-iso's `lazy` alone, a failed download is not kept: that render
 * throws a ScreenLoadError for ScreenBoundary to show (never the old screen under the new
 * address, never a blank), and the next render downloads again.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  const attempt = (): ReturnType<typeof lazy<ComponentType<P>>> =>
    lazy(() =>
      load().catch(() => {
        current = attempt();
        return Missing as ComponentType<P>;
      }),
    );
  let current = attempt();
  const Screen = (props: P) => h(current, props);
  Screen.preload = () => current.preload().catch(() => undefined);
  return Screen as LazyScreen<P>;
}
