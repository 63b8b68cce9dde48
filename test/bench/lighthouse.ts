import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { withRatio, type BenchResult } from './bench-result.ts';
import { benchServer } from './bench-server.ts';
import { buildFloor } from './first-load.ts';

/**
 * Lighthouse's LCP varies by a few hundred ms from run to run here: each figure is the median of
 * this many runs, as Lighthouse's documentation advises for comparisons.
 */
const ROUNDS = 5;

interface PageScore {
  score: number;
  lcp: number;
  tbt: number;
}

async function audit(port: number, url: string): Promise<PageScore | undefined> {
  // Lighthouse's default config is the mobile preset: a mid-range phone on a slow 4G link.
  const result = await lighthouse(url, { port, onlyCategories: ['performance'], logLevel: 'error' });
  const lhr = result!.lhr;
  // A run Lighthouse itself gave up on (e.g. NO_FCP under load) says nothing about the page.
  if (lhr.runtimeError) return undefined;
  return {
    score: lhr.categories.performance!.score ?? 0,
    lcp: lhr.audits['largest-contentful-paint']!.numericValue ?? NaN,
    tbt: lhr.audits['total-blocking-time']!.numericValue ?? NaN,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : NaN;
};
const medianScore = (runs: PageScore[]): PageScore => ({
  score: median(runs.map((r) => r.score)),
  lcp: median(runs.map((r) => r.lcp)),
  tbt: median(runs.map((r) => r.tbt)),
});

/**
 * Lighthouse mobile on the home and a lesson page, beside the floor page, same server code. The
 * pages take turns in each round, so a slow spell of the machine falls on all of them.
 */
export async function benchLighthouse(): Promise<BenchResult[]> {
  const app = await benchServer(resolve('dist'));
  const floor = await benchServer(await buildFloor());
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...chromiumArgs],
  });
  try {
    const urls = { floor: `${floor.url}/`, home: `${app.url}/`, lesson: `${app.url}/lessons/core-experts` };
    const runs: Record<keyof typeof urls, PageScore[]> = { floor: [], home: [], lesson: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of Object.entries(urls) as Array<[keyof typeof urls, string]>) {
        const run = await audit(chrome.port, url);
        if (run) runs[name].push(run);
      }
    }
    const floorScore = medianScore(runs.floor);
    const results: BenchResult[] = [];
    for (const name of ['home', 'lesson'] as const) {
      const s = medianScore(runs[name]);
      const of = `(median of ${runs[name].length})`;
      results.push(
        { group: 'lighthouse', name: `${name}: performance score ${of}`, value: s.score, unit: '', reference: { name: 'floor', value: floorScore.score }, target: '≥ 0.95', pass: s.score >= 0.95 },
        withRatio({ group: 'lighthouse', name: `${name}: LCP ${of}`, value: s.lcp, unit: 'ms', reference: { name: 'floor', value: floorScore.lcp }, target: '≤ 1.2 × floor', pass: s.lcp <= 1.2 * floorScore.lcp }),
        withRatio({ group: 'lighthouse', name: `${name}: TBT ${of}`, value: s.tbt, unit: 'ms', reference: { name: 'floor', value: floorScore.tbt } }),
      );
    }
    return results;
  } finally {
    chrome.kill();
    await app.close();
    await floor.close();
  }
}
