import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol } from '../../src/data/enrol.ts';
import type { LocalStore } from '../../src/data/local-store.ts';
import { SyncEngine } from '../../src/data/sync/engine.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';
import { testCatalogue } from '../server/test-catalogue.ts';
import { startServerProcesses, type ServerProcesses } from '../server/server-processes.ts';
import { startTestServer, testDatabases, type TestServer } from '../server/test-server.ts';
import { NO_FAULTS, startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { recordRandom } from './random-activity.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { freshStore } from './test-store.ts';

const SEED = Number(process.env.FAULT_SEED ?? 20261123);
// Enough rounds that every fault fires even when a loaded machine makes fewer requests (a
// full-suite run once saw no 500-after-commit in 40 rounds).
const ROUNDS = 80;

describe.each(testDatabases)('two devices syncing through a faulty network ($name)', (database) => {
  let server: TestServer;
  let others: ServerProcesses | undefined;
  let proxy: FaultProxy;

  beforeAll(async () => {
    // Short pull pages, so `more` and paging happen often; no rate limit, faults are the point.
    server = await startTestServer(database, { pullLimit: 7, rateLimit: { capacity: 1e6, refillPerSecond: 1e6 } });
    // On PostgreSQL the requests alternate between this server and a second server process over
    // the same database, as behind a reverse proxy for many trainees (SQLite is one process's).
    others =
      database.name === 'postgres'
        ? await startServerProcesses(1, server, { env: { TOKEN_RATE_BURST: '1000000', TOKEN_RATE_PER_SECOND: '1000000' } })
        : undefined;
    const targets = [server.url, ...(others?.processes.map((p) => p.url) ?? [])];
    proxy = await startFaultProxy(targets, SEED, {
      dropRequest: 0.1,
      error500: 0.08,
      duplicate: 0.15,
      dropResponse: 0.12,
      error500AfterCommit: 0.05,
      delay: 0.3,
      maxDelayMs: 25,
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await others?.close();
    await server?.close();
  });

  it('ends with every event on the server exactly once and identical progress on both devices', async () => {
    const random = seededRandom(SEED);
    const repository = repositoriesOf(server.database);
    const { trainee, code } = await issueEnrolment(repository, { name: 'Trần Thị Bình', unit: 'Bộ Y tế', now: new Date() });
    const second = await issueDeviceCode(repository, { traineeId: trainee.id, now: new Date() });

    const phone = freshStore('phone');
    const laptop = freshStore('laptop');
    const engine = (store: LocalStore) =>
      new SyncEngine({ store, baseUrl: proxy.url, batchSize: 5, timeoutMs: 5000, random });
    const engines = new Map([[phone, engine(phone)], [laptop, engine(laptop)]]);
    const recorded = new Set<string>();
    const act = async (store: LocalStore, count: number) => {
      for (const id of await recordRandom(store, testCatalogue, random, count)) recorded.add(id);
    };

    // Study before enrolment: kept, and synced once enrolled.
    await act(phone, 6);
    expect(await engines.get(phone)!.syncNow()).toEqual({ kind: 'not_enrolled' });
    // Enrolment goes straight to the server: a code is single-use, so a lost reply would burn it.
    expect((await enrol(code, { store: phone, baseUrl: server.url })).ok).toBe(true);
    expect((await enrol(second!.code, { store: laptop, baseUrl: server.url })).ok).toBe(true);

    const outcomes: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        [phone, laptop].map(async (store) => {
          await act(store, Math.floor(random() * 4));
          const syncing = engines.get(store)!.syncNow();
          await act(store, Math.floor(random() * 3)); // recorded while the sync is under way
          const outcome = await syncing;
          const key = outcome.kind === 'failed' ? `failed:${outcome.failure.kind}` : outcome.kind;
          outcomes[key] = (outcomes[key] ?? 0) + 1;
        }),
      );
    }

    // The network heals; a few more syncs let each device push its rest and pull the other's.
    proxy.setFaults(NO_FAULTS);
    for (let i = 0; i < 3; i++) {
      for (const store of [phone, laptop]) expect((await engines.get(store)!.syncNow()).kind).toBe('synced');
    }

    const onServer = await repository.events.eventsOf(trainee.id);
    const serverIds = onServer.map((e) => e.id);
    expect(new Set(serverIds).size, 'no event stored twice').toBe(serverIds.length);
    expect(new Set(serverIds)).toEqual(recorded);

    for (const { db } of [phone, laptop]) {
      expect(await db.pending.count()).toBe(0);
      expect(new Set(await db.events.toCollection().primaryKeys())).toEqual(recorded);
    }
    const progressOf = async ({ db }: LocalStore) => Object.fromEntries((await db.progress.toArray()).map((p) => [p.lessonId, p]));
    const phoneProgress = await progressOf(phone);
    expect(await progressOf(laptop)).toStrictEqual(phoneProgress);
    expect(phoneProgress).toStrictEqual(foldEvents(onServer));

    // The run really was hostile: every kind of fault fired and many syncs failed on the way.
    for (const [fault, n] of Object.entries(proxy.counts)) expect(n, fault).toBeGreaterThan(0);
    expect(Object.keys(outcomes).some((k) => k.startsWith('failed')), JSON.stringify(outcomes)).toBe(true);
    expect(recorded.size).toBeGreaterThan(100);
  }, 120_000);
});
