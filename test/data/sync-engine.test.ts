import { describe, expect, it, vi } from 'vitest';
import { enrol } from '../../src/data/enrol.ts';
import type { LocalStore } from '../../src/data/local-store.ts';
import { getMeta, setMeta } from '../../src/data/store/learn-db.ts';
import { SyncEngine } from '../../src/data/sync/engine.ts';
import { describeSync, type SyncMessage } from '../../src/data/sync/status-snapshot.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { realServer } from './real-server.ts';
import { freshStore } from './test-store.ts';

const real = realServer();

const newTrainee = () => issueEnrolment(real.repository, { name: 'Lê Văn Cường', unit: 'Sở TT&TT Đà Nẵng', now: new Date() });
const read = (store: LocalStore, sectionId = 'what-is-it') =>
  store.outbox.record({ type: 'section_read', lessonId: 'digital-government', payload: { sectionId } });
const message = (store: LocalStore) => describeSync(store.status.get());
/** Waits until the status line says `expected` (its stored parts arrive through liveQuery). */
const shows = (store: LocalStore, expected: SyncMessage | ((m: SyncMessage) => void)) =>
  vi.waitFor(() => (typeof expected === 'function' ? expected(message(store)) : expect(message(store)).toEqual(expected)));

describe('the sync engine against the real server', () => {
  it('keeps study from before enrolment and syncs it once enrolled', async () => {
    const store = freshStore();
    const seen: boolean[] = [];
    const stop = store.status.subscribe((s) => seen.push(s.syncing));
    const engine = new SyncEngine({ store, baseUrl: real.server.url });
    await read(store);
    await store.outbox.record({ type: 'note_saved', lessonId: 'digital-government', payload: { text: 'Học trước khi ghi danh' } });
    expect(await engine.syncNow()).toEqual({ kind: 'not_enrolled' });
    await shows(store, { key: 'notEnrolled', pending: 2 });
    expect(seen).not.toContain(true); // no "Syncing…" flash while there is nothing it could do

    const { trainee, code } = await newTrainee();
    const enrolled = await enrol(code, { store, baseUrl: real.server.url });
    expect(enrolled).toEqual({ ok: true, trainee: expect.objectContaining({ name: 'Lê Văn Cường' }) });
    expect(await engine.syncNow()).toEqual({ kind: 'synced', pushed: 2, pulled: 0, held: 0 });
    await shows(store, { key: 'synced', at: expect.any(Number) });
    expect((await real.repository.events.eventsOf(trainee.id)).map((e) => e.type)).toEqual(['section_read', 'note_saved']);
    stop();
  });

  it("brings one device's events to the other device of the same trainee", async () => {
    const { trainee, code } = await newTrainee();
    const phone = freshStore('phone');
    const laptop = freshStore('laptop');
    await enrol(code, { store: phone, baseUrl: real.server.url });
    await enrol((await issueDeviceCode(real.repository, { traineeId: trainee.id, now: new Date() }))!.code, { store: laptop, baseUrl: real.server.url });
    await read(phone, 'why-now');
    await laptop.outbox.record({ type: 'bookmark_set', lessonId: 'data-sharing', payload: { sectionId: 'platforms' } });
    for (const store of [phone, laptop, phone]) await new SyncEngine({ store, baseUrl: real.server.url }).syncNow();
    expect(await laptop.db.progress.toArray()).toStrictEqual(await phone.db.progress.toArray());
    expect((await phone.db.progress.get('data-sharing'))?.bookmarks).toEqual(['platforms']);
    // Pulled stamps move the clock: the phone's next event sorts after the laptop's.
    const laptopAt = (await laptop.db.events.filter((e) => e.type === 'bookmark_set').first())?.at;
    expect((await read(phone)).at > laptopAt!).toBe(true);
  });

  it('says "enrolment revoked" after a 401, keeps the events and asks for a new code', async () => {
    const { trainee, code } = await newTrainee();
    const store = freshStore();
    const stop = store.status.subscribe(() => {});
    await enrol(code, { store, baseUrl: real.server.url });
    await real.repository.trainees.revokeTrainee(trainee.id, new Date().toISOString());
    await read(store);
    const outcome = await new SyncEngine({ store, baseUrl: real.server.url }).syncNow();
    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'http', status: 401 } });
    await shows(store, { key: 'revoked', pending: 1 });
    expect(await getMeta(store.db, 'token')).toBeUndefined();
    expect(await store.db.events.count()).toBe(1);
    stop();
  });

  it("shows the server's reason when it refuses a batch, and retries later", async () => {
    const { code } = await newTrainee();
    const store = freshStore();
    const stop = store.status.subscribe(() => {});
    await enrol(code, { store, baseUrl: real.server.url });
    await store.outbox.record({ type: 'lesson_completed', lessonId: 'no-such-lesson', payload: {} });
    // The server takes each event on its own (an unknown lesson is stored, flagged) and refuses a
    // whole batch only when the request itself is malformed: here, a device id that is no UUID.
    await setMeta(store.db, 'deviceId', 'not-a-uuid');
    store.db.knownDeviceId = 'not-a-uuid';
    await new SyncEngine({ store, baseUrl: real.server.url }).syncNow();
    await shows(store, { key: 'refused', code: 'validation_failed', pending: 1 });
    expect(await getMeta(store.db, 'syncProblem')).toMatchObject({ retryAt: expect.any(Number) });
    stop();
  });

  it('says the server is unreachable and backs off when nothing answers', async () => {
    const { code } = await newTrainee();
    const store = freshStore();
    const stop = store.status.subscribe(() => {});
    await enrol(code, { store, baseUrl: real.server.url });
    await read(store);
    const before = Date.now();
    const outcome = await new SyncEngine({ store, baseUrl: 'http://127.0.0.1:9', backoffBaseMs: 1000, random: () => 0 }).syncNow();
    expect(outcome).toEqual({ kind: 'failed', failure: { kind: 'network' } });
    await shows(store, (shown) => {
      expect(shown).toMatchObject({ key: 'retrying', pending: 1 });
      expect(shown.key === 'retrying' && shown.retryAt - before).toBeGreaterThanOrEqual(500);
    });
    stop();
  });

  it('halves the batch when the server says it is too large', async () => {
    const { trainee, code } = await newTrainee();
    const store = freshStore();
    await enrol(code, { store, baseUrl: real.server.url });
    // 200 long Vietnamese notes: about 3 MB in one batch, over the server's 1 MB limit.
    const text = 'Chính phủ số '.repeat(380).slice(0, 5000);
    for (let i = 0; i < 200; i++) await store.outbox.record({ type: 'note_saved', lessonId: 'data-sharing', payload: { text: `${i} ${text}`.slice(0, 5000) } });
    const outcome = await new SyncEngine({ store, baseUrl: real.server.url }).syncNow();
    expect(outcome).toEqual({ kind: 'synced', pushed: 200, pulled: 0, held: 0 });
    expect(await real.repository.events.eventsOf(trainee.id)).toHaveLength(200);
    // 200 records of 5,000 letters and six requests, four of them refused: 4 s on 2 cores at a
    // load average of 16, over the default 5 s when other work shares them.
  }, 20_000);

  it('runs one sync at a time: a second engine on the same database stands aside', async () => {
    const { code } = await newTrainee();
    const store = freshStore();
    await enrol(code, { store, baseUrl: real.server.url });
    await read(store);
    const fetchSpy = vi.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const tabA = new SyncEngine({ store, baseUrl: real.server.url, fetch: fetchSpy });
    const tabB = new SyncEngine({ store, baseUrl: real.server.url, fetch: fetchSpy });
    const [a, again, b] = await Promise.all([tabA.syncNow(), tabA.syncNow(), tabB.syncNow()]);
    expect(a.kind).toBe('synced');
    expect(again).toBe(a);
    expect(b).toEqual({ kind: 'busy' });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('syncs on its own a moment after new events once started', async () => {
    const { trainee, code } = await newTrainee();
    const store = freshStore();
    await enrol(code, { store, baseUrl: real.server.url });
    const engine = new SyncEngine({ store, baseUrl: real.server.url, debounceMs: 20 });
    const stop = engine.start();
    try {
      await read(store);
      await store.outbox.record({ type: 'lesson_completed', lessonId: 'digital-government', payload: {} });
      await vi.waitFor(async () => expect(await real.repository.events.eventsOf(trainee.id)).toHaveLength(2), { timeout: 3000 });
      await vi.waitFor(async () => expect(await store.db.pending.count()).toBe(0));
    } finally {
      stop();
    }
  });
});

describe('enrol()', () => {
  it('refuses a malformed code before asking the server', async () => {
    const spy = vi.fn();
    expect(await enrol('abc', { store: freshStore(), fetch: spy })).toEqual({
      ok: false,
      error: { code: 'bad_format', i18nKey: 'sync:enrol.errors.bad_format' },
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('explains an unknown or used code', async () => {
    const { code } = await newTrainee();
    await enrol(code, { store: freshStore(), baseUrl: real.server.url });
    const second = await enrol(code.toLowerCase(), { store: freshStore(), baseUrl: real.server.url });
    expect(second).toEqual({ ok: false, error: { code: 'invalid_code', i18nKey: 'sync:enrol.errors.invalid_code' } });
  });

  it('says the server cannot be reached', async () => {
    const result = await enrol('ABCD-EFGH-JK', { store: freshStore(), baseUrl: 'http://127.0.0.1:9' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });
});
