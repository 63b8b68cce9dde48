import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/shared/api-error.ts';
import { healthSchema } from '../../src/shared/health.ts';
import pkg from '../../package.json' with { type: 'json' };
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

// A stand-in for `dist/`: the same shape as a Vite build, so the tests do not need one.
function fakeBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'egov-learn-dist-'));
  mkdirSync(join(dir, 'assets'));
  // Text files with their brotli copies, as the build writes them (vite.config.ts).
  const withBrotli = (path: string, text: string) => {
    writeFileSync(path, text);
    writeFileSync(`${path}.br`, brotliCompressSync(text));
  };
  withBrotli(join(dir, 'index.html'), `<!doctype html><title>shell</title>${'<p>padding</p>'.repeat(200)}`);
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  withBrotli(join(dir, 'assets', 'index-Ab12Cd34.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  mkdirSync(join(dir, 'course', 'lessons'), { recursive: true });
  writeFileSync(join(dir, 'course', 'lessons', 'core-experts.0123456789.json'), '{}');
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return dir;
}

describe.each(testDatabases)('server foundation on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { staticDir: fakeBuild() });
  });
  afterAll(() => server.close());

  it('reports its version and a working database at /api/health', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    const body = healthSchema.parse(await res.json());
    expect(body).toEqual({ status: 'ok', version: pkg.version, database: { kind: database.name, ok: true } });
  });

  it('answers an unknown API route with a JSON 404 and a stable code', async () => {
    const res = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('not_found');
  });

  it('answers a missing static file with a JSON 404', async () => {
    const res = await fetch(`${server.url}/assets/missing-12345678.js`);
    expect(res.status).toBe(404);
    expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('not_found');
  });

  it('sends security headers that allow only its own origin', async () => {
    const res = await fetch(`${server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('keeps hashed assets and course files for a year and revalidates index.html and sw.js', async () => {
    for (const path of ['/assets/index-Ab12Cd34.js', '/course/lessons/core-experts.0123456789.json']) {
      const asset = await fetch(`${server.url}${path}`);
      expect(asset.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    }
    for (const path of ['/', '/index.html', '/sw.js']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('serves the app shell for deep links so a lesson URL opens directly', async () => {
    const res = await fetch(`${server.url}/lessons/core-experts`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>shell</title>');
  });

  it("sends the build's brotli copy to a browser that takes brotli, as the same file", async () => {
    const cases = [
      { path: '/assets/index-Ab12Cd34.js', type: 'text/javascript', cache: 'public, max-age=31536000, immutable', text: 'console.log(' },
      { path: '/', type: 'text/html', cache: 'no-cache', text: '<title>shell</title>' },
      { path: '/lessons/core-experts', type: 'text/html', cache: 'no-cache', text: '<title>shell</title>' },
    ];
    for (const { path, type, cache, text } of cases) {
      const res = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-encoding'), path).toBe('br');
      expect(res.headers.get('content-type'), path).toContain(type);
      expect(res.headers.get('cache-control'), path).toBe(cache);
      expect(res.headers.get('vary'), path).toContain('Accept-Encoding');
      expect(await res.text(), path).toContain(text); // fetch decodes it
    }
  });

  it('compresses text for clients that accept gzip', async () => {
    const res = await fetch(`${server.url}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await res.text()).length).toBeGreaterThan(4000); // fetch decompresses
  });
});
