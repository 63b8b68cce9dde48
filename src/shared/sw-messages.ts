/**
 * Names of the messages between the page and the service worker. skipWaiting is the type that
 * workbox-window's `messageSkipWaiting()` sends, so the page side needs no constant of its own.
 */
export const swMessages = {
  skipWaiting: 'SKIP_WAITING',
  /** Worker → page: the browser fired Background Sync; an open page runs the sync engine. */
  syncRequested: 'SYNC_REQUESTED',
} as const;

/** The Background Sync tag the page registers after recording events while offline. */
export const BACKGROUND_SYNC_TAG = 'egov-sync';
