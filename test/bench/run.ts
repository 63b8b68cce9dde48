// `npm run bench`: every figure beside a reference measured in the same run; prints a table and
// writes it to test/bench/results/. Never part of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './bench-result.ts';
import { benchFirstLoad } from './first-load.ts';
import { benchLighthouse } from './lighthouse.ts';
import { benchOfficeDashboard } from './office-dashboard.ts';
import { benchOfflineVisit } from './offline-visit.ts';
import { benchPhoneSync } from './phone-sync.ts';
import { benchSyncServer } from './sync-server.ts';
import { benchYearOfStudy } from './year-of-study.ts';

const benches: Array<[string, () => Promise<BenchResult[]>]> = [
  ['first load', benchFirstLoad],
  ['lighthouse', benchLighthouse],
  ['offline repeat visit', benchOfflineVisit],
  ['phone-side sync', benchPhoneSync],
  ['phone: a year of study', benchYearOfStudy],
  ['sync server on SQLite', () => benchSyncServer()],
  ...(process.env.DATABASE_URL
    ? [['sync server on PostgreSQL', () => benchSyncServer(process.env.DATABASE_URL)] as [string, () => Promise<BenchResult[]>]]
    : []),
  ['office dashboard on SQLite', () => benchOfficeDashboard()],
  ...(process.env.DATABASE_URL
    ? [['office dashboard on PostgreSQL', () => benchOfficeDashboard(process.env.DATABASE_URL)] as [string, () => Promise<BenchResult[]>]]
    : []),
];

// BENCH_ONLY=<words>[,<words>…] runs only the benches whose name contains one of them (e.g. "phone,lighthouse").
const only = process.env.BENCH_ONLY;
const results: BenchResult[] = [];
for (const [name, bench] of benches.filter(([name]) => !only || only.split(',').some((words) => name.includes(words.trim())))) {
  process.stdout.write(`bench: ${name}…\n`);
  results.push(...(await bench()));
}

// Bytes in KiB (1,024 bytes), the unit of the first-load target, named so nobody reads kB.
const fmt = (n: number, unit: string) =>
  unit === 'B' ? `${(n / 1024).toFixed(1)} KiB` : `${n.toFixed(n < 10 ? 2 : 0)} ${unit}`;
const rows = results.map((r) => [
  r.group,
  r.name,
  fmt(r.value, r.unit),
  r.reference ? `${r.reference.name}: ${fmt(r.reference.value, r.unit)}` : '',
  r.ratio !== undefined ? r.ratio.toFixed(2) : '',
  r.target ?? '',
  r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
]);
const header = ['group', 'figure', 'value', 'reference', 'ratio', 'target', 'met'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
console.log(`\n${table}\n`);

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const report = { date: new Date().toISOString(), node: process.version, results };
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(dir, 'latest.md'), `${table}\n`);
