import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { withRatio, type BenchResult } from './bench-result.ts';
import { benchServer } from './bench-server.ts';
import { buildFloor } from './first-load.ts';

interface PageScore {
  score: number;
  lcp: number;
  tbt: number;
}

async function audit(port: number, url: string): Promise<PageScore> {
  // Lighthouse's default config is the mobile preset: a mid-range phone on a slow 4G link.
  const result = await lighthouse(url, { port, onlyCategories: ['performance'], logLevel: 'error' });
  const lhr = result!.lhr;
  return {
    score: lhr.categories.performance!.score ?? 0,
    lcp: lhr.audits['largest-contentful-paint']!.numericValue ?? NaN,
    tbt: lhr.audits['total-blocking-time']!.numericValue ?? NaN,
  };
}

/** Lighthouse mobile on the home and a lesson page, beside the floor page, same server code. */
export async function benchLighthouse(): Promise<BenchResult[]> {
  const app = await benchServer(resolve('dist'));
  const floor = await benchServer(await buildFloor());
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...chromiumArgs],
  });
  try {
    const floorScore = await audit(chrome.port, `${floor.url}/`);
    const pages = { home: '/', lesson: '/lessons/core-experts' };
    const results: BenchResult[] = [];
    for (const [name, path] of Object.entries(pages)) {
      const s = await audit(chrome.port, `${app.url}${path}`);
      results.push(
        { group: 'lighthouse', name: `${name}: performance score`, value: s.score, unit: '', reference: { name: 'floor', value: floorScore.score }, target: '≥ 0.95', pass: s.score >= 0.95 },
        withRatio({ group: 'lighthouse', name: `${name}: LCP`, value: s.lcp, unit: 'ms', reference: { name: 'floor', value: floorScore.lcp }, target: '≤ 1.2 × floor', pass: s.lcp <= 1.2 * floorScore.lcp }),
        withRatio({ group: 'lighthouse', name: `${name}: TBT`, value: s.tbt, unit: 'ms', reference: { name: 'floor', value: floorScore.tbt } }),
      );
    }
    return results;
  } finally {
    chrome.kill();
    await app.close();
    await floor.close();
  }
}
