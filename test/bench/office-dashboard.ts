import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/database.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { addOfficer } from '../../src/server/services/officer-service.ts';
import { startServer } from '../../src/server/server.ts';
import { CATALOGUE_FILE, type Catalogue } from '../../src/shared/catalogue.ts';
import { withRatio, type BenchResult } from './bench-result.ts';
import { seedOfficeData } from './office-seed.ts';
import { median } from './stats.ts';

const ROUNDS = 7;
const REQUESTS = 60;
/** The views outside the targets are slower at 20,000 trainees: fewer requests keep the run short. */
const INFO_REQUESTS = 10;
const ENDPOINTS = ['overview', 'groups/unit'] as const;
const INFO_ENDPOINTS = ['funnel', 'questions'] as const;

interface Scale {
  label: string;
  trainees: number;
  events: number;
}
/** Pairs with the same trainees, 10 times the events: the dashboard's cost should not follow the events. */
const pairs: Array<[Scale, Scale]> = [
  [{ label: '500 trainees × 200 events (100k)', trainees: 500, events: 200 }, { label: '500 trainees × 2,000 events (1M)', trainees: 500, events: 2000 }],
  [{ label: '20,000 trainees × 5 events (100k)', trainees: 20_000, events: 5 }, { label: '20,000 trainees × 50 events (1M)', trainees: 20_000, events: 50 }],
];

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

/** A fresh database for one scale: a folder for SQLite, a schema of its own on PostgreSQL. */
async function freshDatabase(databaseUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), 'egov-learn-bench-office-'));
  if (!databaseUrl) return { dataDir, databaseUrl: undefined, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const schema = `bench_office_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Seeds one scale, starts the real server over it (which builds the rollups, as after migration 0013) and signs an officer in. */
async function serveScale(scale: Scale, databaseUrl: string | undefined, staticDir: string, catalogue: Catalogue) {
  const place = await freshDatabase(databaseUrl);
  const seeding = await openDatabase(place);
  const seedStart = performance.now();
  await seedOfficeData(seeding, catalogue, scale.trainees, scale.events);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  await seeding.close();
  const buildStart = performance.now();
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: place.dataDir, databaseUrl: place.databaseUrl, staticDir });
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const added = await addOfficer(repositoriesOf(server.database), { email: 'bench@mst.gov.vn', name: 'Bench', unit: null, now: Date.now() });
  const setup = await fetch(`${server.url}/api/v1/office/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ token: added!.token, password: 'mật khẩu đo hiệu năng' }),
  });
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  /** Milliseconds of each of `n` requests to the endpoint, one after the other. */
  const time = async (endpoint: string, n: number) => {
    const took: number[] = [];
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      const res = await fetch(`${server.url}/api/v1/office/${endpoint}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${endpoint}: ${res.status}`);
      took.push(performance.now() - start);
    }
    return took;
  };
  console.log(`  ${scale.label}: seeded in ${seedSeconds.toFixed(0)} s, rollups built at start in ${buildSeconds.toFixed(1)} s`);
  return { scale, time, buildSeconds, close: async () => (await server.close(), await place.drop()) };
}

/**
 * The office dashboard's response times as trainees and events grow: overview and by-unit p95
 * (REQUESTS sequential requests, median over ROUNDS rounds in which every scale takes its turn),
 * at 100k and 1M events for the same trainees (the ratio should stay near 1: the dashboard reads
 * rollups, not events), for 500 and for 20,000 trainees. Funnel and difficult questions for
 * information.
 */
export async function benchOfficeDashboard(databaseUrl?: string): Promise<BenchResult[]> {
  const kind = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const group = `office dashboard (${kind})`;
  const staticDir = resolve('dist');
  const catalogue = JSON.parse(readFileSync(join(staticDir, CATALOGUE_FILE), 'utf8')) as Catalogue;
  const served = [];
  try {
    for (const scale of pairs.flat()) served.push(await serveScale(scale, databaseUrl, staticDir, catalogue));
    const samples = new Map<string, number[]>();
    const add = (key: string, value: number) => samples.set(key, [...(samples.get(key) ?? []), value]);
    for (const s of served) for (const endpoint of [...ENDPOINTS, ...INFO_ENDPOINTS]) await s.time(endpoint, 3); // warm up
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of served) {
        for (const endpoint of ENDPOINTS) add(`${s.scale.label}|${endpoint}`, p95(await s.time(endpoint, REQUESTS)));
        for (const endpoint of INFO_ENDPOINTS) add(`${s.scale.label}|${endpoint}`, p95(await s.time(endpoint, INFO_REQUESTS)));
      }
    }
    const figure = (scale: Scale, endpoint: string) => median(samples.get(`${scale.label}|${endpoint}`)!);
    const results: BenchResult[] = [];
    for (const [small, large] of pairs) {
      for (const endpoint of ENDPOINTS) {
        const value = figure(large, endpoint);
        results.push(
          withRatio({
            group,
            name: `${endpoint} p95, ${large.label} against ${small.label.replace(/ \(.*\)$/, '')} (median of ${ROUNDS})`,
            value,
            unit: 'ms',
            reference: { name: '100k events', value: figure(small, endpoint) },
            target: '≤ 1.3 × 100k, < 300 ms',
            pass: value <= 1.3 * figure(small, endpoint) && value < 300,
          }),
        );
      }
      for (const endpoint of INFO_ENDPOINTS) results.push({ group, name: `${endpoint} p95, ${large.label} (median of ${ROUNDS})`, value: figure(large, endpoint), unit: 'ms' });
    }
    for (const s of served) results.push({ group, name: `rollups built from the events at start, ${s.scale.label}`, value: s.buildSeconds, unit: 's' });
    return results;
  } finally {
    for (const s of served) await s.close();
  }
}
