import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/shared/hlc.ts';
import { SYNC_BATCH_LIMIT } from '../../src/shared/sync-api.ts';
import { call, type Device, enrolDevice, event, rowCounts, sectionReads } from './sync-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

const HOUR = 60 * 60 * 1000;

describe.each(testDatabases)('bad input on $name: a precise error, and nothing stored', (database) => {
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

  it('a quiz score out of range: validation_failed at the score', async () => {
    const error = await refused(withEvents(event(device, 'quiz_answered', { answers: { 'q-goal': ['a'] }, score: 1.5, passed: true })));
    expect(paths(error)).toEqual([['events', 3, 'payload', 'score']]);
  });

  it('an unknown event type: validation_failed at its type', async () => {
    const error = await refused(withEvents({ ...event(device, 'lesson_completed', {}), type: 'lesson_deleted' }));
    expect(error.code).toBe('validation_failed');
    expect(paths(error)).toEqual([['events', 3, 'type']]);
  });

  it('a lesson not in the course: validation_failed at its lessonId', async () => {
    const error = await refused(withEvents(event(device, 'lesson_completed', {}, { lessonId: 'no-such-lesson' })));
    expect(error.code).toBe('validation_failed');
    expect(paths(error)).toEqual([['events', 3, 'lessonId']]);
  });

  it('a section not in the lesson: validation_failed at its sectionId', async () => {
    const error = await refused(withEvents(event(device, 'section_read', { sectionId: 'intro' }))); // intro is another lesson's
    expect(error.code).toBe('validation_failed');
    expect(paths(error)).toEqual([['events', 3, 'payload', 'sectionId']]);
  });

  it('a question or option not in the lesson: validation_failed at each', async () => {
    const quiz = event(device, 'quiz_answered', { answers: { 'q-goal': ['a', 'z'], 'q-nope': ['a'] }, score: 0, passed: false });
    const error = await refused(withEvents(quiz));
    expect(paths(error)).toEqual([
      ['events', 3, 'payload', 'answers', 'q-goal', 1],
      ['events', 3, 'payload', 'answers', 'q-nope'],
    ]);
  });

  it('a timestamp more than 24 hours ahead: validation_failed at its stamp', async () => {
    const soon = event(device, 'section_read', { sectionId: 'roadmap' }, { at: formatHlc(Date.now() + 23 * HOUR, 0) });
    const tooLate = event(device, 'section_read', { sectionId: 'roadmap' }, { at: formatHlc(Date.now() + 25 * HOUR, 0) });
    const error = await refused(withEvents(soon, tooLate));
    expect(error.code).toBe('validation_failed');
    expect(paths(error)).toEqual([['events', 4, 'at']]);
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

  it('a batch at the limit with long notes still fits', async () => {
    const notes = Array.from({ length: SYNC_BATCH_LIMIT }, () => event(device, 'note_saved', { text: 'ư'.repeat(1000) }));
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
