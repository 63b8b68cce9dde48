import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin/run-admin.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { syncResponseSchema } from '../../src/shared/sync-api.ts';
import { testCatalogue } from './test-catalogue.ts';
import { call, enrolDevice, enrolTwoDevices, event, rowCounts, sectionReads } from './sync-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

describe.each(testDatabases)('one trainee cannot touch another on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it("pulls only the trainee's own events, never another's", async () => {
    const [aPhone, aLaptop] = await enrolTwoDevices(server);
    const b = await enrolDevice(server);
    const aEvents = sectionReads(aPhone, 3);
    await aPhone.sync({ events: aEvents });
    await b.sync({ events: sectionReads(b, 4) });

    const fromA = syncResponseSchema.parse((await aLaptop.sync({ cursor: 0 })).body);
    expect(fromA.events).toEqual(aEvents);
    const fromB = syncResponseSchema.parse((await b.sync({ cursor: 0 })).body);
    expect(fromB.events).toEqual([]);
  });

  it("refuses B's token speaking for A's device, and stores nothing", async () => {
    const a = await enrolDevice(server);
    const b = await enrolDevice(server);
    const before = await rowCounts(server);
    const reply = await call(server, 'POST', '/api/v1/sync', {
      token: b.token,
      body: { deviceId: a.deviceId, cursor: 0, events: sectionReads(a, 2) },
    });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthorized');
    expect(await rowCounts(server)).toEqual(before);
  });

  it("refuses an event that names another device than the request's, and stores only the device's own", async () => {
    const a = await enrolDevice(server);
    const b = await enrolDevice(server);
    const before = await rowCounts(server);
    const own = sectionReads(b, 1);
    const forged = sectionReads(a, 1)[0]!;
    const reply = syncResponseSchema.parse((await b.sync({ events: [...own, forged] })).body);
    expect(reply.accepted).toEqual([own[0]!.id]);
    expect(reply.refused).toEqual([{ id: forged.id, index: 1, code: 'not_own_event', message: expect.any(String) }]);
    expect((await rowCounts(server)).events).toBe(before.events + 1);
    expect(await repositoriesOf(server.database).events.eventsOf(a.trainee.id)).toEqual([]);
  });

  it("refuses an event reusing another trainee's event id as id_conflict, without acknowledging or leaking it", async () => {
    const a = await enrolDevice(server);
    const b = await enrolDevice(server);
    const secret = event(a, 'note_saved', { text: 'ghi chú riêng của A' });
    await a.sync({ events: [secret] });
    const before = await rowCounts(server);

    const ownEvent = sectionReads(b, 1)[0]!;
    const stolenId = event(b, 'note_saved', { text: 'overwrite?' }, { id: secret.id });
    const reply = await b.sync({ events: [ownEvent, stolenId] });

    expect(reply.status).toBe(200);
    const body = syncResponseSchema.parse(reply.body);
    expect(body.accepted).toEqual([ownEvent.id]);
    expect(body.refused).toEqual([{ id: secret.id, index: 1, code: 'id_conflict', message: 'this event id is already stored with other content' }]);
    expect(JSON.stringify(reply.body)).not.toContain('ghi chú riêng');
    expect((await rowCounts(server)).events).toBe(before.events + 1); // B's own event only
    const stored = await repositoriesOf(server.database).events.eventsOf(a.trainee.id);
    expect(stored).toEqual([secret]);
    // The very same copy of A's event, sent by B, is no more B's than a changed one.
    const replayed = syncResponseSchema.parse((await b.sync({ events: [{ ...secret, deviceId: b.deviceId }] })).body);
    expect(replayed.refused.map((r) => r.code)).toEqual(['id_conflict']);
  });

  it('answers a revoked trainee with 401 on every device and stores nothing', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    await phone.sync({ events: sectionReads(phone, 1) });
    await runAdmin(['revoke', phone.trainee.id], { repositories: repositoriesOf(server.database), catalogue: () => testCatalogue });
    const before = await rowCounts(server);

    for (const device of [phone, laptop]) {
      const reply = await device.sync({ events: sectionReads(device, 2) });
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe('unauthorized');
      expect((await call(server, 'GET', '/api/v1/me', { token: device.token })).status).toBe(401);
    }
    expect(await rowCounts(server)).toEqual(before);
  });

  it('answers a missing, malformed or unknown token with 401 and stores nothing', async () => {
    const a = await enrolDevice(server);
    const before = await rowCounts(server);
    const body = { deviceId: a.deviceId, cursor: 0, events: sectionReads(a, 1) };
    const attempts = [
      await call(server, 'POST', '/api/v1/sync', { body }),
      await call(server, 'POST', '/api/v1/sync', { body, token: `${a.token}x` }),
      await fetch(`${server.url}/api/v1/sync`, { method: 'POST', headers: { authorization: `Basic ${a.token}` }, body: JSON.stringify(body) })
        .then(async (r) => ({ status: r.status, body: await r.json() })),
    ];
    for (const reply of attempts) {
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe('unauthorized');
    }
    expect(await rowCounts(server)).toEqual(before);
  });
});
