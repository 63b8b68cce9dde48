import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer } from '../../src/server/server.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { enrolDevice, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import type { Catalogue } from '../../src/shared/catalogue.ts';
import type { LearnerEvent } from '../../src/shared/events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { withRatio, type BenchResult } from './bench-result.ts';

const BATCH = 50;
const TRAINEES = 20;
const CONNECTIONS = 10;
const DURATION_S = 10;
const RAW_BATCHES = 200;

const sections = Array.from({ length: BATCH }, (_, i) => `s-${i}`);
const catalogue: Catalogue = { lessons: [{ id: 'bench-lesson', sections, questions: [] }] };

let clock = Date.now();
function batch(deviceId: string): LearnerEvent[] {
  return sections.map((sectionId) => ({
    id: crypto.randomUUID(),
    deviceId,
    lessonId: 'bench-lesson',
    at: formatHlc(clock++, 0),
    type: 'section_read',
    payload: { sectionId },
  }));
}

/** Sync throughput through the real server, beside raw batched inserts into the same database. */
export async function benchSyncServer(databaseUrl?: string): Promise<BenchResult[]> {
  const kind = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const dataDir = mkdtempSync(join(tmpdir(), 'egov-learn-bench-sync-'));
  const server = await startServer(
    { port: 0, host: '127.0.0.1', dataDir, databaseUrl, staticDir: join(dataDir, 'none') },
    { catalogue, rateLimit: { capacity: 1e9, refillPerSecond: 1e9 } },
  );
  try {
    const repository = repositoriesOf(server.database);
    // Only this run's trainees are counted, so a PostgreSQL database with other rows is left alone.
    const devices: Array<{ deviceId: string; token: string; traineeId: string }> = [];
    for (let i = 0; i < TRAINEES; i++) {
      const { code, trainee } = await issueEnrolment(repository, { name: `Bench ${i}`, unit: 'Bench', now: new Date() });
      const deviceId = `bench-device-${i}-${crypto.randomUUID().slice(0, 8)}`;
      const { token } = await enrolDevice(repository, { code: code.replace(/-/g, ''), deviceId }, new Date());
      devices.push({ deviceId, token, traineeId: trainee.id });
    }

    let next = 0;
    const load = await autocannon({
      url: `${server.url}/api/v1/sync`,
      connections: CONNECTIONS,
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
    });
    const stored = Number(
      (
        await server.database.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('trainee_id', 'in', devices.map((d) => d.traineeId))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const syncRate = stored / DURATION_S;

    // Raw: the same rows, one transaction per 50, straight into the events table.
    const trainee = devices[0]!.traineeId;
    let seq = 1e9;
    const start = performance.now();
    for (let b = 0; b < RAW_BATCHES; b++) {
      const rows = batch('raw-device').map((e) => ({
        id: e.id,
        ...(server.database.kind === 'sqlite' ? { seq: seq++ } : {}),
        trainee_id: trainee,
        device_id: e.deviceId,
        type: e.type,
        lesson_id: e.lessonId,
        payload: JSON.stringify(e.payload),
        at: e.at,
        received_at: new Date().toISOString(),
      }));
      await server.database.db.transaction().execute((trx) => trx.insertInto('events').values(rows).execute());
    }
    const rawRate = (RAW_BATCHES * BATCH) / ((performance.now() - start) / 1000);

    return [
      withRatio({
        group: `sync server (${kind})`,
        name: `events stored/s, ${CONNECTIONS} connections, ${BATCH}-event batches`,
        value: syncRate,
        unit: 'ev/s',
        reference: { name: 'raw batched insert', value: rawRate },
        target: '≥ 0.33 × raw',
        pass: syncRate >= rawRate / 3,
      }),
      {
        group: `sync server (${kind})`,
        name: `p99 latency of a ${BATCH}-event sync`,
        value: load.latency.p99,
        unit: 'ms',
        reference: { name: 'p50', value: load.latency.p50 },
      },
      {
        group: `sync server (${kind})`,
        name: 'failed requests (non-2xx or errors)',
        value: load.non2xx + load.errors,
        unit: '',
        target: '0',
        pass: load.non2xx + load.errors === 0,
      },
    ];
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
