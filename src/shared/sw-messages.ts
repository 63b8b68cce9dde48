/**
 * Names of the messages between the page and the service worker. skipWaiting is the type that
 * workbox-window's `messageSkipWaiting()` sends, so the page side needs no constant of its own.
 */
export const swMessages = {
  skipWaiting: 'SKIP_WAITING',
} as const;
