/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isHashedFile } from '../shared/hashed-files.ts';
import { BACKGROUND_SYNC_TAG, swMessages } from '../shared/sw-messages.ts';
import { keepPreviousVersion } from './previous-version.ts';
import { keepPublishedKeys } from './published-keys.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// The app shell (HTML, JS, CSS, icons, manifest) is precached at install, so the app opens
// offline after the first visit. Old precaches are removed only once a new worker activates.
// (Read once: the build replaces exactly one `self.__WB_MANIFEST` with the file list.)
const manifest = self.__WB_MANIFEST;
precacheAndRoute(manifest);
cleanupOutdatedCaches();
// The first worker takes the open page at once, so the first visit is already offline-ready;
// later versions still wait for the trainee (see skipWaiting below).
clientsClaim();

// Any in-app URL (a deep link to a lesson, say) opens the cached shell; the API never does.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// Hashed files the precache does not hold: course files downloaded from the course list, and
// the previous version's files that a page opened before the update still asks for (see
// previous-version.ts). The same name always means the same bytes, so any cached copy is right.
keepPreviousVersion(manifest);
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && isHashedFile(url.pathname),
  async ({ request }) => (await caches.match(request, { ignoreSearch: true })) ?? fetch(request),
);

// The completion records' public keys, so an installed app verifies a certificate offline.
keepPublishedKeys();

// A new version waits until the trainee chooses to reload (the page sends this message), so a
// lesson in progress is never swapped out from under them.
self.addEventListener('message', (event) => {
  if (event.data?.type === swMessages.skipWaiting) void self.skipWaiting();
});

// Background Sync: the browser wakes the worker once the network is back. The token and the sync
// engine live in the page (src/data/sync-engine.ts), so the worker only asks open pages to sync.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener('sync', (event: Event) => {
  const sync = event as SyncEvent; // not in TypeScript's webworker lib yet
  if (sync.tag !== BACKGROUND_SYNC_TAG) return;
  sync.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: swMessages.syncRequested });
    }),
  );
});
