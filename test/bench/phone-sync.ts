import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { CATALOGUE_FILE, catalogueSchema } from '../../src/shared/catalogue.ts';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { withRatio, type BenchResult } from './bench-result.ts';
import { benchServer } from './bench-server.ts';

const EVENTS = 10_000;
const RECORDS = 300;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** Phone side in Chromium: syncing 10,000 queued events (time, bytes) and the cost of record(). */
export async function benchPhoneSync(): Promise<BenchResult[]> {
  const outDir = resolve('dist-phone');
  await build({ configFile: resolve('vite.config.ts'), root: resolve('test/bench/phone'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  const server = await benchServer(outDir);
  const lesson = catalogueSchema.parse(JSON.parse(readFileSync(join(outDir, CATALOGUE_FILE), 'utf8'))).lessons[0]!;
  const { code } = await issueEnrolment(repositoriesOf(server.database), { name: 'Bench', unit: 'Bench', now: new Date() });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    // Each measurement in a fresh browser context (its own IndexedDB store). Run after the
    // record() timings in the same context, whose two extra databases the app never has, the
    // sync took 15-20 s instead of 9-10 s; why exactly is Chromium's business (one LevelDB
    // store per origin), but it is no cost of the sync itself.
    const openPage = async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => 'phoneBench' in window);
      return page;
    };
    const recordPage = await openPage();
    const times = await recordPage.evaluate(
      ([n, id, sections]) => (window as any).phoneBench.recordTimes(n, id, sections),
      [RECORDS, lesson.id, lesson.sections] as const,
    );
    await recordPage.context().close();

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
    return [
      { group: 'phone sync (Chromium)', name: `sync ${EVENTS.toLocaleString('en')} queued events over loopback (${sync.rounds} rounds)`, value: sync.ms, unit: 'ms' },
      // The rest of the time is the phone's own: reading the outbox, deleting acknowledged rows.
      withRatio({
        group: 'phone sync (Chromium)',
        name: 'of that, in HTTP round trips (server included)',
        value: sync.httpMs,
        unit: 'ms',
        reference: { name: 'the whole sync', value: sync.ms },
      }),
      withRatio({
        group: 'phone sync (Chromium)',
        name: 'bytes on the wire for that sync',
        value: wireBytes,
        unit: 'B',
        reference: { name: 'the events as JSON', value: sync.jsonBytes },
      }),
      withRatio({ group: 'phone sync (Chromium)', name: 'record() one event, p50', value: percentile(times.recordMs, 0.5), unit: 'ms', reference: { name: 'bare Dexie add, p50', value: percentile(times.bareMs, 0.5) } }),
      withRatio({ group: 'phone sync (Chromium)', name: 'record() one event, p95', value: percentile(times.recordMs, 0.95), unit: 'ms', reference: { name: 'bare Dexie add, p95', value: percentile(times.bareMs, 0.95) } }),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
