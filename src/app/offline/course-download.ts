import { COURSE_DOWNLOAD_CACHE } from '../../shared/offline-cache.ts';

/** How far a download has come: files and bytes on the phone, and a percent of the files. */
export interface DownloadProgress {
  done: number;
  total: number;
  bytes: number;
  percent: number;
}

export type DownloadResult = { ok: true; bytes: number } | { ok: false; missing: string[]; bytes: number };

/** What the module needs from the browser; a test passes fakes. */
export interface DownloadDeps {
  caches: Pick<CacheStorage, 'match' | 'open'>;
  fetch: (url: string) => Promise<Response>;
}

// Workbox keys a precached file by its URL plus `?__WB_REVISION__=…`; course URLs carry no query
// of their own, so ignoring the query finds them in the precache as well as in our cache.
const MATCH: CacheQueryOptions = { ignoreSearch: true };

const browserDeps = (): DownloadDeps | undefined =>
  typeof caches === 'undefined' ? undefined : { caches, fetch: (url) => fetch(url, { cache: 'no-store' }) };

/** Whether this browser can keep files for offline use at all (Cache Storage needs HTTPS). */
export const canDownload = () => browserDeps() !== undefined;

/**
 * The URLs in `urls` that are already on the phone, in any cache: the service worker's precache
 * (it stores every lesson at install) or the download cache below. Resolves to an empty set
 * where Cache Storage is missing.
 */
export async function cachedUrls(urls: readonly string[], deps = browserDeps()): Promise<Set<string>> {
  if (!deps) return new Set();
  const hits = await Promise.all(urls.map(async (url) => ((await deps.caches.match(url, MATCH)) ? url : undefined)));
  return new Set(hits.filter((u): u is string => u !== undefined));
}

/** How many bytes the URLs take on the phone, counting only what is cached: it never downloads. */
export async function cachedBytes(urls: readonly string[], deps = browserDeps()): Promise<number> {
  if (!deps) return 0;
  const sizes = await Promise.all(
    urls.map(async (url) => {
      const hit = await deps.caches.match(url, MATCH).catch(() => undefined);
      return hit ? sizeOf(hit) : 0;
    }),
  );
  return sizes.reduce((sum, n) => sum + n, 0);
}

/**
 * Makes every URL available offline: counts what is cached, fetches the rest one by one into
 * the download cache (which the service worker answers from), and reports progress after each
 * file. It never rejects: a dropped connection ends with `ok: false` and the missing URLs, and
 * calling it again resumes, since cached files are only counted, never fetched again.
 */
export async function downloadCourse(
  urls: readonly string[],
  onProgress: (p: DownloadProgress) => void,
  deps = browserDeps(),
): Promise<DownloadResult> {
  if (!deps) return { ok: false, missing: [...urls], bytes: 0 };
  const total = urls.length;
  let done = 0;
  let bytes = 0;
  const report = () => onProgress({ done, total, bytes, percent: total ? Math.round((done / total) * 100) : 100 });
  const missing: string[] = [];
  for (const url of urls) {
    const hit = await deps.caches.match(url, MATCH).catch(() => undefined);
    if (hit) {
      bytes += await sizeOf(hit);
      done += 1;
    } else missing.push(url);
  }
  report();
  if (missing.length === 0) return { ok: true, bytes };

  let cache: Cache;
  try {
    cache = await deps.caches.open(COURSE_DOWNLOAD_CACHE);
  } catch {
    return { ok: false, missing, bytes };
  }
  for (const [i, url] of missing.entries()) {
    try {
      const response = await deps.fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const size = await sizeOf(response.clone());
      await cache.put(url, response); // a full disk fails here, and the file counts as missing
      bytes += size;
      done += 1;
      report();
    } catch {
      return { ok: false, missing: missing.slice(i), bytes };
    }
  }
  return { ok: true, bytes };
}

// The body's size on the phone; Content-Length may be the compressed size, or missing.
const sizeOf = async (response: Response): Promise<number> => (await response.blob()).size;
