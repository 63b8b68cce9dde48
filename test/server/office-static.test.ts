import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';

// A stand-in for `dist/` with the office built beside the app, as plugins/office does.
function fakeBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'egov-learn-dist-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'office', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>trainee app</title>');
  writeFileSync(join(dir, 'office', 'index.html'), '<!doctype html><title>programme office</title>');
  writeFileSync(join(dir, 'office', 'assets', 'index-Ab12Cd34.js'), 'console.log("office")');
  return dir;
}

describe('the office pages, served', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(undefined, { staticDir: fakeBuild() });
  });
  afterAll(() => server.close());

  it("answers /office and its deep links with the office's own page, checked on every visit", async () => {
    for (const path of ['/office', '/office/', '/office/trainees/tr-abcdefgh', '/office/setup']) {
      const res = await fetch(`${server.url}${path}`);
      expect(await res.text(), path).toContain('programme office');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('link')).toBeNull(); // the trainee app's hints are not the office's
    }
    expect(await (await fetch(`${server.url}/lessons/x`)).text()).toContain('trainee app');
    expect(await (await fetch(`${server.url}/officers`)).text()).toContain('trainee app');
  });

  it("lets browsers keep the office's hashed files for a year", async () => {
    const res = await fetch(`${server.url}/office/assets/index-Ab12Cd34.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
