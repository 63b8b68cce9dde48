import { BACKGROUND_SYNC_TAG, swMessages } from '../../shared/sw-messages.ts';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/**
 * Asks the browser to wake the service worker when the network is back (Background Sync, where
 * the browser has it; a no-op elsewhere). The worker only tells open pages to sync: the token
 * and the engine live in the page.
 */
export async function requestBackgroundSync(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: SyncManagerLike }) | undefined)?.sync;
    await sync?.register(BACKGROUND_SYNC_TAG);
  } catch {
    // Permission denied or unsupported: the online and visibility triggers still sync.
  }
}

/** Calls `listener` when the service worker asks the page to sync; returns the unsubscribe. */
export function onSyncRequestedByWorker(listener: () => void): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => {};
  const onMessage = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === swMessages.syncRequested) listener();
  };
  navigator.serviceWorker.addEventListener('message', onMessage);
  return () => navigator.serviceWorker.removeEventListener('message', onMessage);
}
