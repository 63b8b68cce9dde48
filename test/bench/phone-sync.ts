import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { CATALOGUE_FILE, catalogueSchema } from '../../src/shared/catalogue.ts';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { withRatio, type BenchResult } from './bench-result.ts';
import { benchServer } from './bench-server.ts';
import { median, percentile } from './stats.ts';

const EVENTS = 10_000;
const RECORDS = 300;
const ROUNDS = 3;

interface Figures {
  syncMs: number[];
  httpMs: number[];
  rounds: number;
  jsonBytes: number;
  wireBytes: number;
  /** Every round's record() and bare-add times together: one round's p95 moves too much. */
  recordMs: number[];
  bareMs: number[];
}

/**
 * Phone side in Chromium: syncing 10,000 queued events (time, the part of it in HTTP, bytes) and
 * the cost of record() beside a bare Dexie add; medians of ROUNDS rounds (record()'s percentiles
 * over all their calls together). With
 * BENCH_BASELINE=<git revision>, the same page built from that revision's source is measured in
 * the same run, the two taking turns, so a change is judged against its own before on a machine
 * whose timings drift.
 */
export async function benchPhoneSync(): Promise<BenchResult[]> {
  const outDir = resolve('dist-phone');
  await build({ configFile: resolve('vite.config.ts'), root: resolve('test/bench/phone'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  const baseline = process.env.BENCH_BASELINE;
  if (baseline) {
    // The revision's src/ and bench page under .tmp/ (node_modules are found from there), built
    // into dist-phone/baseline/ so that both pages are on one server.
    const dir = resolve('.tmp', `baseline-${baseline.replace(/[^\w.-]/g, '_')}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execSync(`git archive ${baseline} src test/bench/phone | tar -x -C ${dir}`);
    await build({ configFile: resolve('vite.config.ts'), root: join(dir, 'test/bench/phone'), base: '/baseline/', build: { outDir: join(outDir, 'baseline'), emptyOutDir: true }, logLevel: 'warn' });
  }
  const server = await benchServer(outDir);
  const lesson = catalogueSchema.parse(JSON.parse(readFileSync(join(outDir, CATALOGUE_FILE), 'utf8'))).lessons[0]!;
  const profiles = mkdtempSync(join(tmpdir(), 'egov-learn-phone-'));
  const pages = { now: '/', ...(baseline ? { before: '/baseline/index.html' } : {}) } as Record<string, string>;
  const figures: Record<string, Figures> = Object.fromEntries(
    Object.keys(pages).map((k) => [k, { syncMs: [], httpMs: [], rounds: 0, jsonBytes: 0, wireBytes: 0, recordMs: [], bareMs: [] }]),
  );
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [which, path] of Object.entries(pages)) await measure(`${server.url}${path}`, figures[which]!);
    }
  } finally {
    await server.close();
    rmSync(profiles, { recursive: true, force: true, maxRetries: 3 });
  }

  async function measure(url: string, f: Figures) {
    // Each measurement in a browser of its own with a fresh profile on disk, where a phone keeps
    // its IndexedDB: a context of one shared browser is an incognito one, whose IndexedDB lives
    // in memory (see year-of-study.ts). Run after the record() timings in the same store, whose
    // two extra databases the app never has, the sync took 15-20 s instead of 9-10 s; why
    // exactly is Chromium's business (one LevelDB store per origin), but it is no cost of the
    // sync itself.
    const openPage = async () => {
      const context = await chromium.launchPersistentContext(mkdtempSync(join(profiles, 'profile-')), { executablePath: chromiumPath(), args: chromiumArgs });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url);
      await page.waitForFunction(() => 'phoneBench' in window);
      return page;
    };
    const recordPage = await openPage();
    const times = await recordPage.evaluate(
      ([n, id, sections]) => (window as any).phoneBench.recordTimes(n, id, sections),
      [RECORDS, lesson.id, lesson.sections] as const,
    );
    await recordPage.context().close();
    f.recordMs.push(...times.recordMs);
    f.bareMs.push(...times.bareMs);

    const { code } = await issueEnrolment(repositoriesOf(server.database), { name: 'Bench', unit: 'Bench', now: new Date() });
    const page = await openPage();
    let wireBytes = 0;
    page.on('requestfinished', async (request) => {
      if (!request.url().includes('/api/v1/sync')) return;
      const s = await request.sizes();
      wireBytes += s.requestHeadersSize + s.requestBodySize + s.responseHeadersSize + s.responseBodySize;
    });
    const sync = await page.evaluate(
      ([n, id, sections, c]) => (window as any).phoneBench.syncQueued(n, id, sections, c),
      [EVENTS, lesson.id, lesson.sections, code] as const,
    );
    await page.context().close();
    f.syncMs.push(sync.ms);
    f.httpMs.push(sync.httpMs);
    Object.assign(f, { rounds: sync.rounds, jsonBytes: sync.jsonBytes, wireBytes });
  }

  const group = 'phone sync (Chromium)';
  const rows = (f: Figures, label: string): BenchResult[] => {
    const shares = f.syncMs.map((ms, i) => f.httpMs[i]! / ms);
    const share = median(shares);
    const calls = `${f.recordMs.length.toLocaleString('en')} calls over ${f.syncMs.length} rounds`;
    const p95 = withRatio({ group, name: `${label}record() one event, p95 (${calls})`, value: percentile(f.recordMs, 0.95), unit: 'ms', reference: { name: 'bare Dexie add, p95', value: percentile(f.bareMs, 0.95) }, target: '≤ 2 × bare add' });
    return [
      { group, name: `${label}sync ${EVENTS.toLocaleString('en')} queued events over loopback (${f.rounds} rounds), median of ${f.syncMs.length}`, value: median(f.syncMs), unit: 'ms' },
      // The rest of the time is the phone's own: reading the outbox, deleting acknowledged rows,
      // JSON and the reply's validation. The share is taken in each sync, then its median.
      {
        group,
        name: `${label}of that, in HTTP round trips (fetch to the reply's last byte, server included); share: median of the syncs' shares`,
        value: median(f.httpMs),
        unit: 'ms',
        reference: { name: 'the whole sync', value: median(f.syncMs) },
        ratio: share,
        target: 'share ≥ 0.5',
        pass: share >= 0.5,
      },
      withRatio({ group, name: `${label}bytes on the wire for that sync`, value: f.wireBytes, unit: 'B', reference: { name: 'the events as JSON', value: f.jsonBytes } }),
      withRatio({ group, name: `${label}record() one event, p50 (${calls})`, value: median(f.recordMs), unit: 'ms', reference: { name: 'bare Dexie add, p50', value: median(f.bareMs) } }),
      { ...p95, pass: (p95.ratio ?? Infinity) <= 2 },
    ];
  };
  return [...rows(figures.now!, ''), ...(figures.before ? rows(figures.before, `before (${baseline}): `) : [])];
}
