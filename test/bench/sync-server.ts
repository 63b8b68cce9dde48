import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../src/server/db/database.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { enrolDevice, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import type { Catalogue } from '../../src/shared/catalogue.ts';
import type { LearnerEvent } from '../../src/shared/events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { startServerProcesses } from '../server/server-processes.ts';
import { withRatio, type BenchResult } from './bench-result.ts';
import { median } from './stats.ts';

const BATCH = 50;
const TRAINEES = 20;
const CONNECTIONS = 10;
const DURATION_S = 10;
const ROUNDS = 3;
const RAW_BATCHES = 200;

const sections = Array.from({ length: BATCH }, (_, i) => `s-${i}`);
const catalogue: Catalogue = { lessons: [{ id: 'bench-lesson', sections, questions: [] }] };

let clock = Date.now();
function batch(deviceId: string): LearnerEvent[] {
  return sections.map((sectionId) => ({
    id: randomUUID(),
    deviceId,
    lessonId: 'bench-lesson',
    at: formatHlc(clock++, 0),
    type: 'section_read',
    payload: { sectionId },
  }));
}

/**
 * Sync throughput through real server processes (`src/server/main.ts`), one and, on PostgreSQL,
 * two over the same database with the connections split between them, as behind a reverse proxy;
 * each the median of ROUNDS rounds. Beside raw batched inserts into the same database.
 */
export async function benchSyncServer(databaseUrl?: string): Promise<BenchResult[]> {
  const kind = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const group = `sync server (${kind})`;
  const dataDir = mkdtempSync(join(tmpdir(), 'egov-learn-bench-sync-'));
  const database = await openDatabase({ dataDir, databaseUrl });
  try {
    const repositories = repositoriesOf(database);
    // Only this run's trainees are counted, so a PostgreSQL database with other rows is left alone.
    const devices: Array<{ deviceId: string; token: string; traineeId: string }> = [];
    for (let i = 0; i < TRAINEES; i++) {
      const { code, trainee } = await issueEnrolment(repositories, { name: `Bench ${i}`, unit: 'Bench', now: new Date() });
      const deviceId = randomUUID();
      const { token } = await enrolDevice(repositories, { code: code.replace(/-/g, ''), deviceId }, new Date());
      devices.push({ deviceId, token, traineeId: trainee.id });
    }
    const stored = async () =>
      Number(
        (
          await database.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('trainee_id', 'in', devices.map((d) => d.traineeId))
            .executeTakeFirstOrThrow()
        ).n,
      );

    /** Events stored per second while CONNECTIONS connections, split over `urls`, sync for DURATION_S. */
    const measure = async (urls: string[]) => {
      const before = await stored();
      let next = 0;
      const loads = await Promise.all(
        urls.map((url) =>
          autocannon({
            url: `${url}/api/v1/sync`,
            connections: CONNECTIONS / urls.length,
            duration: DURATION_S,
            requests: [
              {
                method: 'POST',
                setupRequest: (req) => {
                  const d = devices[next++ % devices.length]!;
                  return {
                    ...req,
                    headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
                    body: JSON.stringify({ deviceId: d.deviceId, cursor: 0, events: batch(d.deviceId) }),
                  };
                },
              },
            ],
          }),
        ),
      );
      return {
        rate: ((await stored()) - before) / DURATION_S,
        p99: Math.max(...loads.map((l) => l.latency.p99)),
        failed: loads.reduce((sum, l) => sum + l.non2xx + l.errors, 0),
      };
    };

    // The configurations take turns round by round, so a machine whose speed drifts treats them alike.
    const counts = databaseUrl ? [1, 2] : [1];
    const processes = await startServerProcesses(Math.max(...counts), { dataDir, databaseUrl }, {
      catalogue,
      env: { TOKEN_RATE_BURST: '1000000000', TOKEN_RATE_PER_SECOND: '1000000000' },
    });
    const rounds = new Map(counts.map((n) => [n, [] as Array<Awaited<ReturnType<typeof measure>>>]));
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const n of counts) rounds.get(n)!.push(await measure(processes.processes.slice(0, n).map((p) => p.url)));
      }
    } finally {
      await processes.close();
    }
    const results: BenchResult[] = [];
    for (const [n, measured] of rounds) {
      const label = `${n} process${n === 1 ? '' : 'es'}`;
      const failed = measured.reduce((sum, m) => sum + m.failed, 0);
      results.push(
        { group, name: `events stored/s, ${label}, ${CONNECTIONS} connections, ${BATCH}-event batches (median of ${ROUNDS})`, value: median(measured.map((m) => m.rate)), unit: 'ev/s' },
        { group, name: `p99 latency of a ${BATCH}-event sync, ${label} (median of ${ROUNDS})`, value: median(measured.map((m) => m.p99)), unit: 'ms' },
        { group, name: `failed requests (non-2xx or errors), ${label}`, value: failed, unit: '', target: '0', pass: failed === 0 },
      );
    }
    const perProcesses = new Map([...rounds].map(([n, measured]) => [n, median(measured.map((m) => m.rate))]));

    // Raw: the same rows, one transaction per 50, straight into the events table.
    const trainee = devices[0]!.traineeId;
    let seq = 1e9;
    const start = performance.now();
    for (let b = 0; b < RAW_BATCHES; b++) {
      const rows = batch(randomUUID()).map((e) => ({
        id: e.id,
        ...(database.kind === 'sqlite' ? { seq: seq++ } : {}),
        trainee_id: trainee,
        device_id: e.deviceId,
        type: e.type,
        lesson_id: e.lessonId,
        payload: JSON.stringify(e.payload),
        at: e.at,
        received_at: new Date().toISOString(),
      }));
      await database.db.transaction().execute((trx) => trx.insertInto('events').values(rows).execute());
    }
    const rawRate = (RAW_BATCHES * BATCH) / ((performance.now() - start) / 1000);
    const one = perProcesses.get(1)!;
    results.unshift(
      withRatio({
        group,
        name: `events stored/s, 1 process, against raw batched inserts`,
        value: one,
        unit: 'ev/s',
        reference: { name: 'raw batched insert', value: rawRate },
        target: '≥ 0.33 × raw',
        pass: one >= rawRate / 3,
      }),
    );
    const two = perProcesses.get(2);
    if (two !== undefined) {
      results.push(withRatio({ group, name: 'events stored/s, 2 processes against 1', value: two, unit: 'ev/s', reference: { name: '1 process', value: one } }));
    }
    return results;
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
