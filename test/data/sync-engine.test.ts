import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getMeta, type LearnDb } from '../../src/data/db.ts';
import { enrol } from '../../src/data/enrol.ts';
import { record } from '../../src/data/record.ts';
import { SyncEngine } from '../../src/data/sync-engine.ts';
import { describeSync } from '../../src/data/sync-message.ts';
import { syncStatusOf } from '../../src/data/sync-status.ts';
import { TrainingRepository } from '../../src/server/db/training-repository.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { startTestServer, type TestServer } from '../server/test-server.ts';
import { freshDb } from './test-db.ts';

let server: TestServer;
let repository: TrainingRepository;
beforeAll(async () => {
  server = await startTestServer(undefined, { rateLimit: { capacity: 1e6, refillPerSecond: 1e6 } });
  repository = new TrainingRepository(server.database);
});
afterAll(() => server?.close());

const newTrainee = () => issueEnrolment(repository, { name: 'Lê Văn Cường', unit: 'Sở TT&TT Đà Nẵng', now: new Date() });
const read = (db: LearnDb, sectionId = 'what-is-it') =>
  record({ type: 'section_read', lessonId: 'digital-government', payload: { sectionId } }, db);
const message = (db: LearnDb) => describeSync(syncStatusOf(db).get());
/** Waits for the liveQuery behind the status store to catch up. */
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('the sync engine against the real server', () => {
  it('keeps study from before enrolment and syncs it once enrolled', async () => {
    const db = freshDb();
    const seen: boolean[] = [];
    const stop = syncStatusOf(db).subscribe((s) => seen.push(s.syncing));
    const engine = new SyncEngine({ db, baseUrl: server.url });
    await read(db);
    await record({ type: 'note_saved', lessonId: 'digital-government', payload: { text: 'Học trước khi ghi danh' } }, db);
    expect(await engine.syncNow()).toEqual({ kind: 'not_enrolled' });
    await settle();
    expect(message(db)).toEqual({ key: 'notEnrolled', pending: 2 });
    expect(seen).not.toContain(true); // no "Syncing…" flash while there is nothing it could do

    const { trainee, code } = await newTrainee();
    const enrolled = await enrol(code, { db, baseUrl: server.url });
    expect(enrolled).toEqual({ ok: true, trainee: expect.objectContaining({ name: 'Lê Văn Cường' }) });
    expect(await engine.syncNow()).toEqual({ kind: 'synced', pushed: 2, pulled: 0 });
    await settle();
    expect(message(db)).toEqual({ key: 'synced', at: expect.any(Number) });
    expect((await repository.eventsOf(trainee.id)).map((e) => e.type)).toEqual(['section_read', 'note_saved']);
    stop();
  });

  it("brings one device's events to the other device of the same trainee", async () => {
    const { trainee, code } = await newTrainee();
    const phone = freshDb('phone');
    const laptop = freshDb('laptop');
    await enrol(code, { db: phone, baseUrl: server.url });
    await enrol((await issueDeviceCode(repository, { traineeId: trainee.id, now: new Date() }))!.code, { db: laptop, baseUrl: server.url });
    await read(phone, 'why-now');
    await record({ type: 'bookmark_set', lessonId: 'data-sharing', payload: { sectionId: 'platforms' } }, laptop);
    for (const db of [phone, laptop, phone]) await new SyncEngine({ db, baseUrl: server.url }).syncNow();
    expect(await laptop.progress.toArray()).toStrictEqual(await phone.progress.toArray());
    expect((await phone.progress.get('data-sharing'))?.bookmarks).toEqual(['platforms']);
    // Pulled stamps move the clock: the phone's next event sorts after the laptop's.
    const laptopAt = (await laptop.events.filter((e) => e.type === 'bookmark_set').first())?.at;
    expect((await read(phone)).at > laptopAt!).toBe(true);
  });

  it('says "enrolment revoked" after a 401, keeps the events and asks for a new code', async () => {
    const { trainee, code } = await newTrainee();
    const db = freshDb();
    const stop = syncStatusOf(db).subscribe(() => {});
    await enrol(code, { db, baseUrl: server.url });
    await repository.revokeTrainee(trainee.id, new Date().toISOString());
    await read(db);
    const outcome = await new SyncEngine({ db, baseUrl: server.url }).syncNow();
    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'http', status: 401 } });
    await settle();
    expect(message(db)).toEqual({ key: 'revoked', pending: 1 });
    expect(await getMeta(db, 'token')).toBeUndefined();
    expect(await db.events.count()).toBe(1);
    stop();
  });

  it("shows the server's reason when it refuses a batch, and retries later", async () => {
    const { code } = await newTrainee();
    const db = freshDb();
    const stop = syncStatusOf(db).subscribe(() => {});
    await enrol(code, { db, baseUrl: server.url });
    await record({ type: 'lesson_completed', lessonId: 'no-such-lesson', payload: {} }, db);
    await new SyncEngine({ db, baseUrl: server.url }).syncNow();
    await settle();
    expect(message(db)).toEqual({ key: 'refused', code: 'validation_failed', pending: 1 });
    expect(await getMeta(db, 'syncProblem')).toMatchObject({ retryAt: expect.any(Number) });
    stop();
  });

  it('says the server is unreachable and backs off when nothing answers', async () => {
    const { code } = await newTrainee();
    const db = freshDb();
    const stop = syncStatusOf(db).subscribe(() => {});
    await enrol(code, { db, baseUrl: server.url });
    await read(db);
    const before = Date.now();
    const outcome = await new SyncEngine({ db, baseUrl: 'http://127.0.0.1:9', backoffBaseMs: 1000, random: () => 0 }).syncNow();
    expect(outcome).toEqual({ kind: 'failed', failure: { kind: 'network' } });
    await settle();
    const shown = message(db);
    expect(shown).toMatchObject({ key: 'retrying', pending: 1 });
    expect(shown.key === 'retrying' && shown.retryAt - before).toBeGreaterThanOrEqual(500);
    stop();
  });

  it('halves the batch when the server says it is too large', async () => {
    const { trainee, code } = await newTrainee();
    const db = freshDb();
    await enrol(code, { db, baseUrl: server.url });
    // 200 long Vietnamese notes: about 3 MB in one batch, over the server's 1 MB limit.
    const text = 'Chính phủ số '.repeat(380).slice(0, 5000);
    for (let i = 0; i < 200; i++) await record({ type: 'note_saved', lessonId: 'data-sharing', payload: { text: `${i} ${text}`.slice(0, 5000) } }, db);
    const outcome = await new SyncEngine({ db, baseUrl: server.url }).syncNow();
    expect(outcome).toEqual({ kind: 'synced', pushed: 200, pulled: 0 });
    expect(await repository.eventsOf(trainee.id)).toHaveLength(200);
  });

  it('runs one sync at a time: a second engine on the same database stands aside', async () => {
    const { code } = await newTrainee();
    const db = freshDb();
    await enrol(code, { db, baseUrl: server.url });
    await read(db);
    const fetchSpy = vi.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const tabA = new SyncEngine({ db, baseUrl: server.url, fetch: fetchSpy });
    const tabB = new SyncEngine({ db, baseUrl: server.url, fetch: fetchSpy });
    const [a, again, b] = await Promise.all([tabA.syncNow(), tabA.syncNow(), tabB.syncNow()]);
    expect(a.kind).toBe('synced');
    expect(again).toBe(a);
    expect(b).toEqual({ kind: 'busy' });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('syncs on its own a moment after new events once started', async () => {
    const { trainee, code } = await newTrainee();
    const db = freshDb();
    await enrol(code, { db, baseUrl: server.url });
    const engine = new SyncEngine({ db, baseUrl: server.url, debounceMs: 20 });
    const stop = engine.start();
    try {
      await read(db);
      await record({ type: 'lesson_completed', lessonId: 'digital-government', payload: {} }, db);
      await vi.waitFor(async () => expect(await repository.eventsOf(trainee.id)).toHaveLength(2), { timeout: 3000 });
      await vi.waitFor(async () => expect(await db.events.where('synced').equals(0).count()).toBe(0));
    } finally {
      stop();
    }
  });
});

describe('enrol()', () => {
  it('refuses a malformed code before asking the server', async () => {
    const spy = vi.fn();
    expect(await enrol('abc', { db: freshDb(), fetch: spy })).toEqual({
      ok: false,
      error: { code: 'bad_format', i18nKey: 'sync:enrol.errors.bad_format' },
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('explains an unknown or used code', async () => {
    const { code } = await newTrainee();
    await enrol(code, { db: freshDb(), baseUrl: server.url });
    const second = await enrol(code.toLowerCase(), { db: freshDb(), baseUrl: server.url });
    expect(second).toEqual({ ok: false, error: { code: 'invalid_code', i18nKey: 'sync:enrol.errors.invalid_code' } });
  });

  it('says the server cannot be reached', async () => {
    const result = await enrol('ABCD-EFGH-JK', { db: freshDb(), baseUrl: 'http://127.0.0.1:9' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });
});
