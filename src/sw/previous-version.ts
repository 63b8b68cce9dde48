/// <reference lib="webworker" />
import { cacheNames } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope;

/**
 * A page opened before an update keeps running the old version's code, and that code asks for
 * the old version's files by their hashed names: a lesson it has not opened yet, a lazily
 * loaded screen. Once the new worker activates, Workbox deletes those files from the precache
 * and the server no longer has them either. So while the new worker installs (the old files
 * are all still in the precache then), it copies the outgoing version's hashed files into
 * their own cache, replacing the copy from the update before, and answers them from there.
 */
export const PREVIOUS_VERSION_CACHE = 'egov-previous-version';

/** Files named by their content hash: the same name always means the same bytes. */
export const isHashedFile = (pathname: string) =>
  /^\/assets\/[^/]+-[\w-]{8}\.(js|css)$/.test(pathname) || /^\/course\/.+\.[0-9a-f]{10}\.(json|svg|png|jpg|webp)$/.test(pathname);

/** Keeps the outgoing version's hashed files: call at install, with the new version's manifest. */
export function keepPreviousVersion(manifest: ReadonlyArray<{ url: string }>) {
  const incoming = new Set(manifest.map((entry) => new URL(entry.url, self.location.href).pathname));
  self.addEventListener('install', (event) => {
    event.waitUntil(copyOutgoing(incoming));
  });
}

async function copyOutgoing(incoming: Set<string>) {
  const precache = await caches.open(cacheNames.precache);
  const outgoing = (await precache.keys()).filter((request) => {
    const { pathname } = new URL(request.url);
    return isHashedFile(pathname) && !incoming.has(pathname);
  });
  if (outgoing.length === 0) return; // a first install, or an update that changed no file
  await caches.delete(PREVIOUS_VERSION_CACHE);
  const kept = await caches.open(PREVIOUS_VERSION_CACHE);
  for (const request of outgoing) {
    const response = await precache.match(request);
    // Stored without Workbox's `__WB_REVISION__` query, under the URL the old page asks for.
    const url = new URL(request.url);
    url.search = '';
    if (response) await kept.put(url.href, response);
  }
}
