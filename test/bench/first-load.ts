import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { withRatio, type BenchResult } from './bench-result.ts';

const gz = (file: string) => gzipSync(readFileSync(file)).length;

/** The JS and CSS that index.html loads before first paint, gzip bytes, split by kind. */
export function firstLoadBytes(distDir: string): { js: number; css: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const bytes = { js: 0, css: 0 };
  for (const ref of new Set(refs)) bytes[ref.endsWith('.css') ? 'css' : 'js'] += gz(join(distDir, ref));
  return bytes;
}

/** Raw bytes of everything the service worker precaches (its injected manifest). */
export function precacheBytes(distDir: string): number {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/"?url"?:\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!);
  return urls.reduce((sum, url) => sum + statSync(join(distDir, url)).size, 0);
}

let floorBuilt: Promise<string> | undefined;
/** Builds the floor page once per run into dist-floor/ and returns that folder. */
export const buildFloor = () => (floorBuilt ??= buildFloorNow());

async function buildFloorNow(): Promise<string> {
  const outDir = resolve('dist-floor');
  await build({
    configFile: resolve('vite.config.ts'),
    root: resolve('test/bench/floor'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  return outDir;
}

export async function benchFirstLoad(): Promise<BenchResult[]> {
  const floorDir = await buildFloor();
  const app = firstLoadBytes(resolve('dist'));
  const floor = firstLoadBytes(floorDir);
  const appTotal = app.js + app.css;
  const floorTotal = floor.js + floor.css;
  const precache = precacheBytes(resolve('dist'));
  const ratio = appTotal / floorTotal;
  return [
    withRatio({
      group: 'first load',
      name: 'JS + CSS before first paint (gzip)',
      value: appTotal,
      unit: 'B',
      reference: { name: 'floor page', value: floorTotal },
      target: '≤ 1.15 × floor',
      pass: ratio <= 1.15,
    }),
    { group: 'first load', name: 'JS before first paint (gzip)', value: app.js, unit: 'B', target: '< 70 KB', pass: app.js < 70 * 1024 },
    {
      group: 'first load',
      name: 'everything precached (raw)',
      value: precache,
      unit: 'B',
      reference: { name: 'floor page', value: precacheBytes(floorDir) },
    },
  ].map(withRatio);
}
