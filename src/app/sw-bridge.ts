import type { Workbox } from 'workbox-window';

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
  wb.addEventListener('waiting', () => {
    callbacks.onUpdateReady(() => {
      // Reload once the new worker controls the page, not before, or the old one would serve it.
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
  return wb;
}

/**
 * Resolves once a service worker is active, that is once its precache (every lesson included)
 * is complete; never resolves where there is no worker.
 */
export function serviceWorkerReady(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return new Promise(() => {});
  return navigator.serviceWorker.ready.then(() => undefined);
}
