import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedLanguages } from '../../src/server/http/navigation-hints.ts';
import type { NavigationHints } from '../../src/shared/navigation-hints.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

const lessonText = '</course/lessons/core-experts.0123456789.json>; rel=preload; as=fetch; crossorigin';
const lessonScreen = '</assets/LessonPage-Ab12Cd34.js>; rel=modulepreload';
const english = '</assets/strings-en-Ab12Cd34.js>; rel=modulepreload';

function buildWithHints(hints?: NavigationHints) {
  const dir = mkdtempSync(join(tmpdir(), 'egov-learn-dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title>');
  if (hints) writeFileSync(join(dir, 'navigation-hints.json'), JSON.stringify(hints));
  return dir;
}

describe('Link headers from the build\'s navigation hints', () => {
  let server: TestServer;
  beforeAll(async () => {
    const hints = { paths: { '/lessons/core-experts': [lessonText, lessonScreen] }, english: [english] };
    server = await startTestServer(testDatabases[0]!, { staticDir: buildWithHints(hints) });
  });
  afterAll(() => server.close());

  const get = (path: string, acceptLanguage = 'vi-VN,vi;q=0.9') =>
    fetch(`${server.url}${path}`, { headers: { 'Accept-Language': acceptLanguage } });

  it('names a lesson\'s text and the lesson screen with the page opened by its address', async () => {
    for (const path of ['/lessons/core-experts', '/lessons/core-experts/']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>shell</title>');
      expect(res.headers.get('link'), path).toBe(`${lessonText}, ${lessonScreen}`);
      expect(res.headers.get('vary'), path).toContain('Accept-Language');
    }
  });

  it('adds the English strings for a browser that prefers English, on any page', async () => {
    expect((await get('/lessons/core-experts', 'en-GB,en;q=0.9,vi;q=0.8')).headers.get('link')).toBe(
      `${lessonText}, ${lessonScreen}, ${english}`,
    );
    expect((await get('/', 'fr-FR, en;q=0.5')).headers.get('link')).toBe(english);
    expect((await get('/', 'en;q=0.4, vi;q=0.9')).headers.get('link')).toBeNull();
  });

  it('names nothing for other pages, unknown lessons, files and the API', async () => {
    for (const path of ['/', '/glossary', '/lessons/no-such-lesson', '/index.html', '/api/health']) {
      expect((await get(path)).headers.get('link'), path).toBeNull();
    }
  });

  it('follows a new build copied over the running server, and opens the page while the file is half written', async () => {
    const dir = buildWithHints({ paths: { '/lessons/core-experts': [lessonText] }, english: [] });
    const live = await startTestServer(testDatabases[0]!, { staticDir: dir });
    const linkNow = async () => (await fetch(`${live.url}/lessons/core-experts`)).headers.get('link');
    try {
      expect(await linkNow()).toBe(lessonText);
      const next = '</course/lessons/core-experts.9876543210.json>; rel=preload; as=fetch; crossorigin';
      writeFileSync(join(dir, 'navigation-hints.json'), '{"paths": {"/lessons/core-');
      const half = await fetch(`${live.url}/lessons/core-experts`);
      expect(half.status).toBe(200);
      expect(half.headers.get('link')).toBeNull();
      writeFileSync(join(dir, 'navigation-hints.json'), JSON.stringify({ paths: { '/lessons/core-experts': [next] }, english: [] }));
      expect(await linkNow()).toBe(next);
    } finally {
      await live.close();
    }
  });

  it('serves a build without hints as before, with no Link header', async () => {
    const bare = await startTestServer(testDatabases[0]!, { staticDir: buildWithHints() });
    try {
      const res = await fetch(`${bare.url}/lessons/core-experts`, { headers: { 'Accept-Language': 'en' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('link')).toBeNull();
    } finally {
      await bare.close();
    }
  });
});

describe('acceptedLanguages', () => {
  it('orders an Accept-Language header by preference, dropping refused and empty tags', () => {
    expect(acceptedLanguages('vi;q=0.8, en-US, fr;q=0, ,de;q=0.8')).toEqual(['en-US', 'vi', 'de']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    // A weight that is not a number is ignored, as if none were given.
    expect(acceptedLanguages('en;q=abc, vi;q=0.5')).toEqual(['en', 'vi']);
  });
});
