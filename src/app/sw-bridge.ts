import type { Workbox } from 'workbox-window';
import { swMessages } from '../shared/sw-messages.ts';

export interface SwCallbacks {
  /** A new version is installed and waiting; call `reload` when the trainee agrees. */
  onUpdateReady(reload: () => void): void;
}

/**
 * The page's only link to the service worker: registers it, and reports a waiting update
 * instead of reloading on its own. Resolves to the Workbox once registration has started, or
 * to undefined where there is no worker.
 */
export async function registerServiceWorker(callbacks: SwCallbacks): Promise<Workbox | undefined> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return undefined;
  // Loaded on demand (main.tsx calls this as background work): this keeps ~2 KB gzip off the
  // first load. A failed load (a flaky first visit) registers nothing this time; the next start
  // tries again.
  const { Workbox } = await import('workbox-window').catch(() => ({ Workbox: undefined }));
  if (!Workbox) return undefined;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => callbacks.onUpdateReady(() => void reloadIntoUpdate()));
  // Refused where the browser blocks workers (a policy, some private modes): the app works without.
  void wb.register().catch(() => undefined);
  return wb;
}

/**
 * Reloads into the new version, whichever tab accepted it. With the new worker still waiting,
 * it is asked to take over and the page reloads once it controls the page (the old worker
 * would serve the reload otherwise). When another tab already accepted it, no worker waits any
 * more and the new one controls this page already (or is activating, and the reload waits for
 * it): a plain reload is all there is to do.
 */
export async function reloadIntoUpdate(container: ServiceWorkerContainer = navigator.serviceWorker): Promise<void> {
  const waiting = (await container.getRegistration())?.waiting;
  if (!waiting) return location.reload();
  container.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage({ type: swMessages.skipWaiting });
  // Should the hand-over never be reported (the worker went redundant meanwhile), the button
  // must still do something.
  setTimeout(() => location.reload(), 5000);
}

/**
 * Resolves once a service worker is active, that is once its precache (every lesson included)
 * is complete; never resolves where there is no worker.
 */
export function serviceWorkerReady(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return new Promise(() => {});
  return navigator.serviceWorker.ready.then(() => undefined);
}
