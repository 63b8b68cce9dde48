import { readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, parseSync } from 'vite';
import { withRatio, type BenchResult } from './bench-result.ts';

const gz = (file: string) => gzipSync(readFileSync(file)).length;

/** The `attr` of every `<tag …>` in the HTML whose other attributes match `where`. */
const attrOf = (html: string, tag: string, attr: string, where: RegExp) =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))]
    .filter(([el]) => where.test(el))
    .map(([el]) => el.match(new RegExp(`\\s${attr}="([^"]+)"`))?.[1])
    .filter((url): url is string => url !== undefined);

/**
 * The files index.html loads before first paint: its module scripts and everything they import
 * statically (followed through the built chunks, so a missing modulepreload hint cannot hide
 * one), its modulepreload hints (fetched whether used or not), and its stylesheets. Dynamic
 * imports are left out: they load after the first render.
 */
export function firstLoadFiles(distDir: string): { js: string[]; css: string[] } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const js = new Set<string>();
  const visit = (url: string) => {
    if (js.has(url)) return;
    js.add(url);
    const code = readFileSync(join(distDir, url), 'utf8');
    const { module } = parseSync(url, code);
    const requests = [...module.staticImports, ...module.staticExports.flatMap((e) => e.entries)]
      .map((i) => ('moduleRequest' in i ? i.moduleRequest?.value : undefined))
      .filter((r): r is string => r !== undefined);
    for (const r of requests) visit(r.startsWith('/') ? r : posix.join(posix.dirname(url), r));
  };
  attrOf(html, 'script', 'src', /\stype="module"/).forEach(visit);
  attrOf(html, 'link', 'href', /\srel="modulepreload"/).forEach(visit);
  return { js: [...js], css: attrOf(html, 'link', 'href', /\srel="stylesheet"/) };
}

/** Gzip bytes of the JS and CSS that index.html loads before first paint. */
export function firstLoadBytes(distDir: string): { js: number; css: number } {
  const { js, css } = firstLoadFiles(distDir);
  const sum = (urls: string[]) => urls.reduce((n, url) => n + gz(join(distDir, url)), 0);
  return { js: sum(js), css: sum(css) };
}

/**
 * Raw bytes of everything the service worker precaches (its injected manifest), each URL once:
 * vite-plugin-pwa lists the manifest's icons a second time, and Workbox stores them once.
 */
export function precacheBytes(distDir: string): number {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const urls = new Set([...sw.matchAll(/"?url"?:\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!));
  return [...urls].reduce((sum, url) => sum + statSync(join(distDir, url)).size, 0);
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
    { group: 'first load', name: 'JS before first paint (gzip)', value: app.js, unit: 'B', target: '< 70 KiB', pass: app.js < 70 * 1024 },
    {
      group: 'first load',
      name: 'everything precached (raw)',
      value: precache,
      unit: 'B',
      reference: { name: 'floor page', value: precacheBytes(floorDir) },
    },
  ].map(withRatio);
}
