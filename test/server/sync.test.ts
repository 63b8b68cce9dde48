import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_BATCH_LIMIT, SYNC_PULL_LIMIT, syncResponseSchema } from '../../src/shared/sync-api.ts';
import { enrolAnotherDevice, enrolTwoDevices, event, rowCounts, sectionReads } from './sync-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

describe.each(testDatabases)('sync on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it('stores pushed events, acknowledges their ids and passes them to the other device', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    const pushed = [
      event(phone, 'section_read', { sectionId: 'why-now' }),
      event(phone, 'quiz_answered', { answers: { 'q-goal': ['b'], 'q-law': ['a'] }, score: 0.5, passed: false }),
      event(phone, 'lesson_completed', {}),
      event(phone, 'bookmark_set', { sectionId: 'roadmap' }),
      event(phone, 'bookmark_cleared', { sectionId: 'roadmap' }),
      event(phone, 'note_saved', { text: 'Hỏi thêm về Luật Giao dịch điện tử' }),
    ];
    const push = await phone.sync({ events: pushed });
    expect(push.status).toBe(200);
    const pushBody = syncResponseSchema.parse(push.body);
    expect(pushBody.accepted).toEqual(pushed.map((e) => e.id));
    expect(pushBody.events).toEqual([]); // a device never gets its own events back

    const pull = syncResponseSchema.parse((await laptop.sync({ cursor: 0 })).body);
    expect(pull.events).toEqual(pushed);
    expect(pull.more).toBe(false);
    expect(pull.cursor).toBeGreaterThan(0);
  });

  it('pulls only what came after the cursor', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    await phone.sync({ events: sectionReads(phone, 2) });
    const first = syncResponseSchema.parse((await laptop.sync({ cursor: 0 })).body);
    expect(first.events).toHaveLength(2);

    const later = sectionReads(phone, 1);
    await phone.sync({ events: later });
    const second = syncResponseSchema.parse((await laptop.sync({ cursor: first.cursor })).body);
    expect(second.events).toEqual(later);
    const third = syncResponseSchema.parse((await laptop.sync({ cursor: second.cursor })).body);
    expect(third).toEqual({ accepted: [], refused: [], restamped: [], events: [], cursor: second.cursor, more: false, serverTime: expect.any(Number) });
  });

  it('pages a long pull with `more` until everything has arrived, in server order', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    const pushed = sectionReads(phone, SYNC_PULL_LIMIT + 100);
    for (let i = 0; i < pushed.length; i += SYNC_BATCH_LIMIT) {
      expect((await phone.sync({ events: pushed.slice(i, i + SYNC_BATCH_LIMIT) })).status).toBe(200);
    }
    const page1 = syncResponseSchema.parse((await laptop.sync({ cursor: 0 })).body);
    expect(page1.events).toHaveLength(SYNC_PULL_LIMIT);
    expect(page1.more).toBe(true);
    const page2 = syncResponseSchema.parse((await laptop.sync({ cursor: page1.cursor })).body);
    expect(page2.events).toHaveLength(100);
    expect(page2.more).toBe(false);
    expect([...page1.events, ...page2.events].map((e) => e.id)).toEqual(pushed.map((e) => e.id));
  });

  it('pushes and pulls in the same round trip', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    const fromPhone = sectionReads(phone, 2);
    await phone.sync({ events: fromPhone });
    const fromLaptop = sectionReads(laptop, 1);
    const reply = syncResponseSchema.parse((await laptop.sync({ events: fromLaptop })).body);
    expect(reply.accepted).toEqual([fromLaptop[0]!.id]);
    expect(reply.events).toEqual(fromPhone);
  });

  it('a duplicated batch stores each event once and is acknowledged again', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    const batch = sectionReads(phone, 5);
    const before = await rowCounts(server);
    const first = syncResponseSchema.parse((await phone.sync({ events: batch })).body);
    // The reply was lost: the phone sends the very same batch again, plus one event twice.
    const retry = syncResponseSchema.parse((await phone.sync({ events: [...batch, batch[0]!] })).body);
    expect(first.accepted).toEqual(batch.map((e) => e.id));
    expect(retry.accepted).toEqual(batch.map((e) => e.id));
    expect((await rowCounts(server)).events).toBe(before.events + 5);
    const pulled = syncResponseSchema.parse((await laptop.sync({})).body);
    expect(pulled.events).toEqual(batch);
  });

  it('the same events from concurrent requests are stored once', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    const batch = sectionReads(phone, 20);
    const before = await rowCounts(server);
    const replies = await Promise.all(Array.from({ length: 6 }, () => phone.sync({ events: batch })));
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.body.accepted).toEqual(batch.map((e) => e.id));
    }
    expect((await rowCounts(server)).events).toBe(before.events + 20);
    expect(syncResponseSchema.parse((await laptop.sync({})).body).events).toHaveLength(20);
  });

  it('never skips an event when two devices push while a third pulls', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    const pushedByPhone = sectionReads(phone, 60);
    const pushedByLaptop = sectionReads(laptop, 60);
    // A third device pulls repeatedly while both others push in small batches: a pull must never
    // move its cursor past an event that commits later with a smaller sequence number.
    const watcher = await enrolAnotherDevice(server, phone.trainee);
    const seen = new Set<string>();
    let cursor = 0;
    const pull = async () => {
      const body = syncResponseSchema.parse((await watcher.sync({ cursor })).body);
      body.events.forEach((e) => seen.add(e.id));
      cursor = body.cursor;
      return body.more;
    };
    const pushAll = async (device: typeof phone, events: typeof pushedByPhone) => {
      for (let i = 0; i < events.length; i += 5) await device.sync({ events: events.slice(i, i + 5) });
    };
    await Promise.all([pushAll(phone, pushedByPhone), pushAll(laptop, pushedByLaptop), (async () => {
      for (let i = 0; i < 20; i++) await pull();
    })()]);
    while (await pull());
    expect(seen.size).toBe(120);
  });
});
