/// <reference lib="webworker" />
import { registerRoute } from 'workbox-routing';
import { KEYS_PATH } from '../shared/completion/public-keys.ts';

declare const self: ServiceWorkerGlobalScope;

/**
 * The server's published signing keys (GET /api/v1/keys), kept so that an installed app verifies
 * a completion record offline: fetched when the worker installs, with the app shell, and answered
 * network first, so a rotated key is seen as soon as there is a connection, with the last copy
 * when there is none. Best effort: a worker that cannot fetch them still installs.
 */
const KEYS_CACHE = 'egov-published-keys';
// A slow link should not hold the verify page long when a copy is at hand.
const NETWORK_WAIT_MS = 4000;

export function keepPublishedKeys(): void {
  self.addEventListener('install', (event) => {
    event.waitUntil(refresh('default').catch(() => undefined));
  });
  registerRoute(
    ({ url, sameOrigin, request }) => sameOrigin && url.pathname === KEYS_PATH && request.method === 'GET',
    async ({ request }) => {
      const copy = () => caches.open(KEYS_CACHE).then((kept) => kept.match(KEYS_PATH));
      try {
        // The page's cache mode carries over: the verify page asks with no-cache after meeting an
        // unknown key, to see a key rotated within the hour the server lets caches keep them.
        const response = await refresh(request.cache === 'only-if-cached' ? 'default' : request.cache);
        return response.ok ? response : ((await copy()) ?? response);
      } catch (error) {
        const kept = await copy();
        if (kept) return kept;
        throw error;
      }
    },
  );
}

/** Fetches the keys and keeps a good answer; rejects on a network failure or a timeout. */
async function refresh(cache: RequestCache): Promise<Response> {
  // A new request rather than the page's own: a navigation request cannot be fetched with options.
  const response = await fetch(KEYS_PATH, { cache, signal: AbortSignal.timeout(NETWORK_WAIT_MS) });
  if (response.ok) await (await caches.open(KEYS_CACHE)).put(KEYS_PATH, response.clone());
  return response;
}
