import { describe, expect, it } from 'vitest';
import { cachedUrls, downloadCourse, type DownloadDeps, type DownloadProgress } from '../../src/app/offline/course-download.ts';
import { COURSE_DOWNLOAD_CACHE } from '../../src/shared/offline-cache.ts';

/** Cache Storage with one precache and the download cache, and a network that can drop. */
function fakeBrowser(precached: Record<string, string>, server: Record<string, string>) {
  const stores = new Map<string, Map<string, string>>([['precache', new Map(Object.entries(precached))]]);
  const fetched: string[] = [];
  let dropAfter = Infinity;
  const cacheOf = (name: string) => {
    const store = stores.get(name) ?? new Map<string, string>();
    stores.set(name, store);
    return {
      put: async (url: string, response: Response) => void store.set(url, await response.text()),
    } as unknown as Cache;
  };
  const deps: DownloadDeps = {
    caches: {
      match: async (url) => {
        for (const store of stores.values()) if (store.has(String(url))) return new Response(store.get(String(url)));
        return undefined;
      },
      open: async (name) => cacheOf(name),
    },
    fetch: async (url) => {
      if (fetched.length >= dropAfter) throw new TypeError('Failed to fetch');
      fetched.push(url);
      return server[url] ? new Response(server[url]) : new Response('', { status: 404 });
    },
  };
  return { deps, fetched, stores, dropAfter: (n: number) => (dropAfter = n) };
}

const files = { '/a.json': 'aaaa', '/b.json': 'bb', '/c.json': 'cccccc', '/d.json': 'dddddddd' };
const urls = Object.keys(files);

describe('course download', () => {
  it('fetches only what is not cached yet, and reports files, bytes and percent', async () => {
    const phone = fakeBrowser({ '/a.json': 'aaaa' }, files);
    const seen: DownloadProgress[] = [];
    const result = await downloadCourse(urls, (p) => seen.push(p), phone.deps);
    expect(result).toEqual({ ok: true, bytes: 20 });
    expect(phone.fetched).toEqual(['/b.json', '/c.json', '/d.json']);
    expect(seen.map((p) => [p.done, p.percent, p.bytes])).toEqual([
      [1, 25, 4],
      [2, 50, 6],
      [3, 75, 12],
      [4, 100, 20],
    ]);
    expect([...phone.stores.get(COURSE_DOWNLOAD_CACHE)!.keys()]).toEqual(['/b.json', '/c.json', '/d.json']);
    expect(await cachedUrls(urls, phone.deps)).toEqual(new Set(urls));
  });

  it('stops on a dropped connection, keeps what it has, and resumes without fetching it again', async () => {
    const phone = fakeBrowser({}, files);
    phone.dropAfter(2);
    const first = await downloadCourse(urls, () => {}, phone.deps);
    expect(first).toEqual({ ok: false, missing: ['/c.json', '/d.json'], bytes: 6 });
    expect(await cachedUrls(urls, phone.deps)).toEqual(new Set(['/a.json', '/b.json']));

    phone.dropAfter(Infinity);
    const seen: DownloadProgress[] = [];
    const second = await downloadCourse(urls, (p) => seen.push(p), phone.deps);
    expect(second).toEqual({ ok: true, bytes: 20 });
    expect(phone.fetched).toEqual(['/a.json', '/b.json', '/c.json', '/d.json']); // a and b once each
    expect(seen[0]).toEqual({ done: 2, total: 4, bytes: 6, percent: 50 });
  });

  it('treats a server error as not downloaded, so a retry fetches that file again', async () => {
    const phone = fakeBrowser({}, { '/a.json': 'aaaa' });
    const result = await downloadCourse(['/a.json', '/b.json'], () => {}, phone.deps);
    expect(result).toEqual({ ok: false, missing: ['/b.json'], bytes: 4 });
  });

  it('reports everything missing where the browser has no Cache Storage', async () => {
    expect(await downloadCourse(urls, () => {}, undefined)).toEqual({ ok: false, missing: urls, bytes: 0 });
    expect(await cachedUrls(urls, undefined)).toEqual(new Set());
  });
});
