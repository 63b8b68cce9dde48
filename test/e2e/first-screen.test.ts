import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EAGER_COMPILE } from '../../plugins/compile-hints.ts';
import { useChromium, waitForServiceWorker } from './browser.ts';

const pathOf = (url: string) => new URL(url, 'http://x').pathname;
/** The targets of a Link header: "</a.js>; rel=modulepreload, </b.json>; …" → /a.js, /b.json. */
const linkTargets = (link: string | null) => [...(link ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1]!);

describe('a lesson opened by its address, on a slow phone\'s terms', () => {
  const chromium = useChromium();

  it('gets its text and screen with the page, downloads the text once, and loads nothing else until the text is shown', async () => {
    const { context, page } = await chromium.phone('en-US');
    // When the first section appears, by the page's own clock (resource timings use the same).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.lesson-section')) return;
        (window as unknown as { textShownAt: number }).textShownAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    // The text arrives well after the app's first paint, as on a slow link: background work
    // must still wait for it (on loopback it would be on screen in the first frame anyway).
    await page.route('**/course/lessons/**', async (route) => {
      await delay(400);
      await route.continue();
    });
    const downloads: string[] = [];
    page.on('request', (request) => downloads.push(pathOf(request.url())));

    const response = await page.goto('/lessons/core-experts');
    const link = response!.headers()['link'] ?? null;
    const named = linkTargets(link);
    const lessonText = named.find((url) => url.startsWith('/course/lessons/core-experts.'));
    expect(lessonText, link ?? 'no Link header').toBeDefined();
    expect(named.some((url) => /^\/assets\/reading-screens-.+\.js$/.test(url)), 'the lesson screen').toBe(true);
    // Each script is one more download sharing a slow link: the screen, and what it shares with
    // other lazy screens in one chunk (vite.config.ts), not one per pair of screens.
    const screenScripts = named.filter((url) => url.endsWith('.js') && !/\/strings-en-/.test(url));
    expect(screenScripts, 'the lesson screen in two scripts').toHaveLength(2);
    expect(named.some((url) => /^\/assets\/strings-en-.+\.js$/.test(url)), 'English phone: English strings').toBe(true);
    for (const url of named) expect((await page.request.get(url)).status(), url).toBe(200);

    await page.locator('.lesson-section').first().waitFor();
    // The preload matched the app's fetch: a mismatch (e.g. without crossorigin) downloads twice.
    expect(downloads.filter((url) => url === lessonText)).toHaveLength(1);

    // Before the text: the page's own script, style and hints, and what the Link header named.
    const html = await (await page.request.get('/lessons/core-experts')).text();
    const inHtml = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    const before = await page.evaluate(() => {
      const shownAt = (window as unknown as { textShownAt: number }).textShownAt;
      return performance
        .getEntriesByType('resource')
        .filter((r) => r.startTime < shownAt && /\.(js|json)$/.test(new URL(r.name).pathname))
        .map((r) => new URL(r.name).pathname);
    });
    expect(before.filter((url) => !named.includes(url) && !inHtml.includes(url))).toEqual([]);
    // None of that code builds the learner-event schemas: they are the data layer's, later.
    for (const url of before.filter((u) => u.endsWith('.js'))) {
      expect((await (await page.request.get(url)).text()).includes('note_saved'), url).toBe(false);
    }

    // Then the background work starts: progress, sync and the service worker.
    await waitForServiceWorker(page);
    expect(downloads.some((url) => /^\/assets\/phone-data-.+\.js$/.test(url))).toBe(true);
    await context.close();
  });

  it('names the text of every lesson, and nothing for a page that is not a lesson', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    const hints = (await (await page.request.get('/navigation-hints.json')).json()) as { paths: Record<string, string[]> };
    const lessonPaths = Object.keys(hints.paths);
    expect(lessonPaths.length).toBeGreaterThanOrEqual(9);
    for (const path of lessonPaths) {
      const res = await page.request.get(path, { headers: { 'Accept-Language': 'vi-VN' } });
      const named = linkTargets(res.headers()['link'] ?? null);
      expect(named[0], path).toMatch(new RegExp(`^/course/lessons/${path.split('/').pop()}\\.\\w+\\.json$`));
      expect(named.some((url) => url.includes('strings-en')), `${path}: not for a Vietnamese phone`).toBe(false);
    }
    expect((await page.request.get('/', { headers: { 'Accept-Language': 'vi-VN' } })).headers()['link']).toBeUndefined();
    await context.close();
  });

  it('has the page\'s own script compiled as it downloads, and the data layer when it runs', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    const html = await (await page.request.get('/')).text();
    const script = html.match(/<script type="module"[^>]* src="([^"]+)"/)?.[1];
    expect(script).toBeDefined();
    // As a browser asks for it: the brotli copy (plugins/precompress.ts) must carry the hint too.
    const entry = await page.request.get(script!, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect(entry.headers()['content-encoding']).toBe('br');
    expect((await entry.text()).split('\n')[0]).toBe(EAGER_COMPILE);
    const downloads: string[] = [];
    page.on('request', (request) => downloads.push(pathOf(request.url())));
    await page.goto('/');
    await waitForServiceWorker(page);
    const dataLayer = downloads.filter((url) => /^\/assets\/(phone-data|learn-db)-.+\.js$/.test(url));
    expect(dataLayer.length).toBeGreaterThan(0);
    for (const url of dataLayer) expect((await (await page.request.get(url)).text()).startsWith(EAGER_COMPILE), url).toBe(false);
    await context.close();
  });
});
