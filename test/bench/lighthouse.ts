import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { withRatio, type BenchResult } from './bench-result.ts';
import { benchServer } from './bench-server.ts';
import { buildFloor } from './first-load.ts';
import { median } from './stats.ts';

/**
 * Lighthouse's LCP varies by a few hundred ms from run to run here: each figure is the median of
 * this many runs, as Lighthouse's documentation advises for comparisons.
 */
const ROUNDS = 5;

interface PageScore {
  score: number;
  lcp: number;
  tbt: number;
  /** What blocked the main thread, to attribute TBT: kept from one run per page. */
  tasks: MainThreadReport;
}

interface MainThreadReport {
  /** The window TBT counts tasks in: from FCP to TTI (simulated, ms). */
  fcp: number;
  tti: number;
  /** Lighthouse's 'long-tasks' audit: (simulated, 4× CPU) start and duration, by script. */
  longTasks: Array<{ url: string; startTime: number; duration: number }>;
  /** 'bootup-time': CPU time per script. */
  bootup: Array<{ url: string; total: number; scripting: number; scriptParseCompile: number }>;
  /** 'mainthread-work-breakdown': CPU time per kind of work. */
  breakdown: Array<{ group: string; duration: number }>;
}

type Items = Array<Record<string, unknown>>;
const items = (lhr: { audits: Record<string, { details?: unknown }> }, id: string): Items =>
  ((lhr.audits[id]?.details as { items?: Items } | undefined)?.items ?? []);
const shortUrl = (url: unknown) => String(url).replace(/^https?:\/\/[^/]+/, '');
const ms = (n: unknown) => Math.round(Number(n));

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
    tasks: {
      fcp: ms(lhr.audits['first-contentful-paint']!.numericValue),
      tti: ms(lhr.audits['interactive']?.numericValue),
      longTasks: items(lhr, 'long-tasks').map((t) => ({ url: shortUrl(t.url), startTime: ms(t.startTime), duration: ms(t.duration) })),
      bootup: items(lhr, 'bootup-time').map((t) => ({
        url: shortUrl(t.url),
        total: ms(t.total),
        scripting: ms(t.scripting),
        scriptParseCompile: ms(t.scriptParseCompile),
      })),
      breakdown: items(lhr, 'mainthread-work-breakdown').map((t) => ({ group: String(t.groupLabel ?? t.group), duration: ms(t.duration) })),
    },
  };
}

const medianScore = (runs: PageScore[]) => ({
  score: median(runs.map((r) => r.score)),
  lcp: median(runs.map((r) => r.lcp)),
  tbt: median(runs.map((r) => r.tbt)),
});

/**
 * The run whose TBT is the median's, per page: its long tasks, CPU per script and per kind of
 * work, printed and written to results/lighthouse-tasks.json, so a TBT figure can be traced to
 * the code that blocked.
 */
function reportTasks(runs: Record<string, PageScore[]>): void {
  const report: Record<string, MainThreadReport & { tbt: number; score: number; lcp: number }> = {};
  for (const [name, pageRuns] of Object.entries(runs)) {
    const tbt = median(pageRuns.map((r) => r.tbt));
    const run = pageRuns.find((r) => r.tbt === tbt);
    if (!run) continue;
    report[name] = { tbt: ms(run.tbt), score: run.score, lcp: ms(run.lcp), ...run.tasks };
    const tasks = run.tasks.longTasks.map((t) => `${t.duration} ms at ${t.startTime} (${t.url})`).join('; ');
    const scripts = run.tasks.bootup.map((b) => `${b.url} ${b.total} ms`).join('; ');
    process.stdout.write(`  ${name}: TBT ${ms(run.tbt)} ms, FCP ${run.tasks.fcp}, TTI ${run.tasks.tti}; long tasks: ${tasks || 'none'}\n    CPU by script: ${scripts || 'none'}\n`);
  }
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'lighthouse-tasks.json'), `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Lighthouse mobile on the home and a lesson page, beside the floor page, same server code. The
 * pages take turns in each round, so a slow spell of the machine falls on all of them.
 */
export async function benchLighthouse(): Promise<BenchResult[]> {
  const app = await benchServer(resolve('dist'));
  const floor = await benchServer(await buildFloor());
  // LIGHTHOUSE_BASELINE=<a built dist folder>: an earlier build's pages take their turns too, so
  // a change is compared with what it replaced on the same machine in the same minutes.
  const baselineDir = process.env.LIGHTHOUSE_BASELINE;
  const baseline = baselineDir ? await benchServer(resolve(baselineDir)) : undefined;
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...chromiumArgs],
  });
  try {
    const urls: Record<string, string> = { floor: `${floor.url}/`, home: `${app.url}/`, lesson: `${app.url}/lessons/core-experts` };
    if (baseline) Object.assign(urls, { 'baseline home': `${baseline.url}/`, 'baseline lesson': `${baseline.url}/lessons/core-experts` });
    const runs: Record<string, PageScore[]> = Object.fromEntries(Object.keys(urls).map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of Object.entries(urls)) {
        const run = await audit(chrome.port, url);
        if (run) runs[name]!.push(run);
      }
    }
    reportTasks(runs);
    const floorScore = medianScore(runs.floor);
    const results: BenchResult[] = [];
    for (const name of Object.keys(urls).filter((n) => n !== 'floor')) {
      const s = medianScore(runs[name]!);
      const of = `(median of ${runs[name]!.length})`;
      results.push(
        { group: 'lighthouse', name: `${name}: performance score ${of}`, value: s.score, unit: '', reference: { name: 'floor', value: floorScore.score }, target: '≥ 0.95', pass: s.score >= 0.95 },
        withRatio({ group: 'lighthouse', name: `${name}: LCP ${of}`, value: s.lcp, unit: 'ms', reference: { name: 'floor', value: floorScore.lcp }, target: '≤ 1.2 × floor', pass: s.lcp <= 1.2 * floorScore.lcp }),
        // The floor's TBT is tens of ms (parsing Preact, Dexie, i18next, zod): twice it leaves room
        // for the app's first render, none for its background work landing in Lighthouse's window.
        withRatio({ group: 'lighthouse', name: `${name}: TBT ${of}`, value: s.tbt, unit: 'ms', reference: { name: 'floor', value: floorScore.tbt }, target: '≤ 2 × floor', pass: s.tbt <= 2 * floorScore.tbt }),
      );
    }
    return results;
  } finally {
    chrome.kill();
    await app.close();
    await floor.close();
    await baseline?.close();
  }
}
