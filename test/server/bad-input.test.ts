import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_BATCH_LIMIT, syncResponseSchema } from '../../src/shared/sync-api.ts';
import { call, type Device, enrolDevice, event, rowCounts, sectionReads } from './sync-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

describe.each(testDatabases)('bad input on $name: a precise error, and nothing stored that is not sound', (database) => {
  let server: TestServer;
  let device: Device;
  beforeAll(async () => {
    server = await startTestServer(database);
    device = await enrolDevice(server);
  });
  afterAll(() => server.close());

  /** Sends `body` as the enrolled device and returns the error, checking nothing was stored. */
  async function refused(body: unknown, status = 400) {
    const before = await rowCounts(server);
    const reply = await call(server, 'POST', '/api/v1/sync', { token: device.token, body });
    expect(reply.status).toBe(status);
    expect(await rowCounts(server)).toEqual(before);
    return reply.body.error as { code: string; message: string; issues?: Array<{ path: Array<string | number> }> };
  }
  const paths = (error: { issues?: Array<{ path: unknown }> }) => error.issues?.map((i) => i.path);
  const withEvents = (...events: unknown[]) => ({ deviceId: device.deviceId, cursor: 0, events: [...sectionReads(device, 3), ...events] });

  it('malformed JSON: invalid_json', async () => {
    const error = await refused('{"deviceId": "x", "events": [');
    expect(error.code).toBe('invalid_json');
  });

  it('wrong types: validation_failed naming each field', async () => {
    const error = await refused({ deviceId: device.deviceId, cursor: 'yesterday', events: {} });
    expect(error.code).toBe('validation_failed');
    expect(paths(error)).toEqual([['cursor'], ['events']]);
  });

  /** Sends `events` as the enrolled device: the malformed one is refused alone and the rest stored. */
  async function refusedAlone(bad: unknown) {
    const before = await rowCounts(server);
    const good = sectionReads(device, 3);
    const reply = await device.sync({ events: [...good, bad] });
    expect(reply.status).toBe(200);
    const body = syncResponseSchema.parse(reply.body);
    expect(body.accepted).toEqual(good.map((e) => e.id));
    expect((await rowCounts(server)).events).toBe(before.events + 3);
    expect(body.refused).toHaveLength(1);
    expect(body.refused[0]).toMatchObject({ index: 3, code: 'invalid_event' });
    return body.refused[0]!;
  }

  it('a quiz score out of range: that event refused as invalid_event naming the score, the rest stored', async () => {
    const refusal = await refusedAlone(event(device, 'quiz_answered', { answers: { 'q-goal': ['a'] }, score: 1.5, passed: true }));
    expect(refusal.message).toContain('at payload.score');
  });

  it('an unknown event type: that event refused as invalid_event naming its type, the rest stored', async () => {
    const bad = { ...event(device, 'lesson_completed', {}), type: 'lesson_deleted' };
    const refusal = await refusedAlone(bad);
    expect(refusal.message).toContain('at type');
    expect(refusal.id).toBe(bad.id);
  });

  it('more events than the batch limit: validation_failed at events', async () => {
    const error = await refused({ deviceId: device.deviceId, cursor: 0, events: sectionReads(device, SYNC_BATCH_LIMIT + 1) });
    expect(error.code).toBe('validation_failed');
    expect(paths(error)).toEqual([['events']]);
  });

  it('a body over 1 MB: 413 payload_too_large', async () => {
    const note = event(device, 'note_saved', { text: 'x'.repeat(1024 * 1024) });
    const error = await refused(withEvents(note), 413);
    expect(error.code).toBe('payload_too_large');
  });

  it('a batch at the limit of 1,000-letter notes in 3-byte letters still fits', async () => {
    const notes = Array.from({ length: SYNC_BATCH_LIMIT }, () => event(device, 'note_saved', { text: 'ệ'.repeat(1000) }));
    const reply = await device.sync({ events: notes });
    expect(reply.status).toBe(200);
  });
});

describe.each(testDatabases)('rate limiting on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { rateLimit: { capacity: 3, refillPerSecond: 0.1 } });
  });
  afterAll(() => server.close());

  it('answers too many requests from one token with 429 and Retry-After, storing nothing', async () => {
    const greedy = await enrolDevice(server);
    const calm = await enrolDevice(server);
    for (let i = 0; i < 3; i++) expect((await greedy.sync({})).status).toBe(200);
    const before = await rowCounts(server);

    const reply = await greedy.sync({ events: sectionReads(greedy, 1) });
    expect(reply.status).toBe(429);
    expect(reply.body.error.code).toBe('rate_limited');
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(reply.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect(await rowCounts(server)).toEqual(before);

    // Another trainee's device has its own bucket.
    expect((await calm.sync({})).status).toBe(200);
  });
});
