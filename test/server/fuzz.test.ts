import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/shared/api-error.ts';
import { learnerEventSchema } from '../../src/shared/events.ts';
import { syncResponseSchema } from '../../src/shared/sync-api.ts';
import { call, type Device, enrolDevice, event, issueCode, rowCounts, sectionReads } from './sync-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

/** Values that have broken servers: NUL, lone surrogates, huge or odd numbers, wrong types, tricky names. */
const hostile: unknown[] = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202e\u2066', '', ' ', '__proto__', 'constructor', "'; drop table events; --",
  '../../etc/passwd', 'ư'.repeat(70), 'A'.repeat(5001), 1e308, -1, 2 ** 53, 0.5, -0, true, false, null, [], {}, [null], { id: 1 },
];

/** Where a value can go in an event. */
const eventFields: Array<(e: Record<string, unknown>, v: unknown) => Record<string, unknown>> = [
  (e, v) => ({ ...e, id: v }),
  (e, v) => ({ ...e, deviceId: v }),
  (e, v) => ({ ...e, lessonId: v }),
  (e, v) => ({ ...e, at: v }),
  (e, v) => ({ ...e, type: v }),
  (e, v) => ({ ...e, payload: v }),
  (e, v) => ({ ...e, type: 'section_read', payload: { sectionId: v } }),
  (e, v) => ({ ...e, type: 'note_saved', payload: { text: v } }),
  (e, v) => ({ ...e, type: 'quiz_answered', payload: { answers: { 'q-goal': [v] }, score: v, passed: v } }),
  (e, v) => ({ ...e, type: 'quiz_answered', payload: { answers: { [String(v)]: ['a'] }, score: 0, passed: false } }),
];

describe.each(testDatabases)('fuzzed bodies on $name: never a 500, never a row from a refused event', (database) => {
  let server: TestServer;
  let device: Device;
  beforeAll(async () => {
    // Hundreds of requests from one token: past the per-token request limit, which is not under test.
    server = await startTestServer(database, { rateLimit: { capacity: 1e6, refillPerSecond: 1e6 } });
    device = await enrolDevice(server);
  });
  afterAll(() => server.close());

  it('enrol: any code, device id or body shape is a 400 or 401 and enrols nobody', async () => {
    const { code } = await issueCode(server);
    const bodies: unknown[] = [
      ...hostile.map((v) => ({ code: v, deviceId: randomUUID() })),
      ...hostile.map((v) => ({ code, deviceId: v })),
      ...hostile,
      { code, deviceId: randomUUID().toUpperCase().replace(/-/g, '') },
      { code: `${code}\u0000`, deviceId: randomUUID() },
    ];
    const before = await rowCounts(server);
    for (const body of bodies) {
      const reply = await call(server, 'POST', '/api/v1/enrol', { body: JSON.stringify(body) });
      expect([400, 401], JSON.stringify(body)).toContain(reply.status);
      apiErrorBodySchema.parse(reply.body);
    }
    expect(await rowCounts(server)).toEqual(before);
    // The code was never used up by any of that.
    expect((await call(server, 'POST', '/api/v1/enrol', { body: { code, deviceId: randomUUID() } })).status).toBe(201);
  });

  it('sync: a hostile request field is a 400 naming it, storing nothing', async () => {
    const before = await rowCounts(server);
    for (const value of hostile) {
      for (const body of [
        { deviceId: value, cursor: 0, events: [] },
        { deviceId: device.deviceId, cursor: value, events: [] },
        { deviceId: device.deviceId, cursor: 0, events: value },
        value,
      ]) {
        const reply = await call(server, 'POST', '/api/v1/sync', { token: device.token, body: JSON.stringify(body) });
        if (reply.status === 200) continue; // e.g. a cursor of 0.5 is not, but events: [] is fine
        expect([400, 401], JSON.stringify(body)).toContain(reply.status);
        apiErrorBodySchema.parse(reply.body);
      }
    }
    expect(await rowCounts(server)).toEqual(before);
  });

  it('sync: every hostile event is either stored as the schema reads it or refused on its own, beside valid ones', async () => {
    const other = await enrolDevice(server); // another trainee, to see nothing leaks
    for (const [f, field] of eventFields.entries()) {
      const good = sectionReads(device, 1)[0]!;
      const bad = hostile.map((value) => field(event(device, 'lesson_completed', {}) as unknown as Record<string, unknown>, value));
      const before = await rowCounts(server);
      const reply = await device.sync({ events: [good, ...bad] });
      expect(reply.status, `field ${f}`).toBe(200);
      const body = syncResponseSchema.parse(reply.body);
      expect(body.accepted[0]).toBe(good.id);
      expect(body.accepted.length + body.refused.length).toBe(1 + bad.length);
      expect(body.refused.every((r) => r.index > 0 && r.code === 'invalid_event')).toBe(true);
      expect((await rowCounts(server)).events).toBe(before.events + body.accepted.length);
      for (const id of body.accepted.slice(1)) {
        // Stored as the shared schema reads it (unknown keys dropped), NUL and lone surrogates intact.
        const sent = bad.find((e) => e.id === id)!;
        const [row] = await server.database.db.selectFrom('events').select('payload').where('id', '=', id).execute();
        expect(JSON.parse(row!.payload)).toEqual(learnerEventSchema.parse(sent).payload);
      }
    }
    expect(syncResponseSchema.parse((await other.sync({})).body).events).toEqual([]);
  });

  it('sync: one id sent again with other payloads is refused each time and leaves the first copy alone', async () => {
    const note = event(device, 'note_saved', { text: 'gốc' });
    await device.sync({ events: [note] });
    const before = await rowCounts(server);
    for (const value of hostile) {
      const copy = { ...note, payload: { text: typeof value === 'string' ? value.slice(0, 5000) : JSON.stringify(value) } };
      const reply = syncResponseSchema.parse((await device.sync({ events: [copy] })).body);
      expect(reply.refused.map((r) => r.code), JSON.stringify(value)).toEqual(['id_conflict']);
    }
    expect(await rowCounts(server)).toEqual(before);
    const [row] = await server.database.db.selectFrom('events').select('payload').where('id', '=', note.id).execute();
    expect(JSON.parse(row!.payload)).toEqual({ text: 'gốc' });
  });
});
