/// <reference lib="webworker" />
import { cacheNames } from 'workbox-core';
import { isHashedFile } from '../shared/hashed-files.ts';

declare const self: ServiceWorkerGlobalScope;

/**
 * A page opened before an update keeps running the old version's code, and that code asks for
 * the old version's files by their hashed names: a lesson it has not opened yet, a lazily
 * loaded screen. Once the new worker activates, Workbox deletes those files from the precache
 * and the server no longer has them either. So while the new worker installs (the old files
 * are all still in the precache then), it copies the outgoing version's hashed files into a
 * cache of their own, and once it activates it deletes the copies made for earlier updates.
 *
 * Best effort: a phone too full to copy still installs the update (old tabs then reload).
 */
const KEPT_PREFIX = 'egov-previous-version-';

/** Keeps the outgoing version's hashed files; call once, with the new version's manifest. */
export function keepPreviousVersion(manifest: ReadonlyArray<{ url: string; revision: string | null }>) {
  const incoming = new Set(manifest.map((entry) => new URL(entry.url, self.location.href).pathname));
  // Named after the incoming version, so install and activate agree even if the browser
  // restarted the worker in between, and a failed install leaves the earlier copy alone.
  const kept = KEPT_PREFIX + versionOf(manifest);
  self.addEventListener('install', (event) => {
    event.waitUntil(copyOutgoing(incoming, kept).catch((error) => console.warn('could not keep the previous version', error)));
  });
  self.addEventListener('activate', (event) => {
    event.waitUntil(
      caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith(KEPT_PREFIX) && n !== kept).map((n) => caches.delete(n)))),
    );
  });
}

async function copyOutgoing(incoming: Set<string>, keptName: string) {
  const precache = await caches.open(cacheNames.precache);
  const outgoing = (await precache.keys()).filter((request) => {
    const { pathname } = new URL(request.url);
    return isHashedFile(pathname) && !incoming.has(pathname);
  });
  const kept = await caches.open(keptName);
  for (const request of outgoing) {
    const response = await precache.match(request);
    // Stored without Workbox's `__WB_REVISION__` query, under the URL the old page asks for.
    const url = new URL(request.url);
    url.search = '';
    if (response) await kept.put(url.href, response);
  }
}

/** A short, stable name for a manifest (FNV-1a over its URLs and revisions). */
function versionOf(manifest: ReadonlyArray<{ url: string; revision: string | null }>): string {
  let hash = 0x811c9dc5;
  for (const { url, revision } of manifest) {
    for (const ch of `${url}#${revision ?? ''};`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
