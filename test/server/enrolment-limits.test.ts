import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin/run-admin.ts';
import { DEFAULT_ATTEMPT_LIMITS } from '../../src/server/auth/attempt-limits.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { enrolResponseSchema } from '../../src/shared/sync-api.ts';
import { call, enrolDevice, issueCode, rowCounts } from './sync-client.ts';
import { testCatalogue } from './test-catalogue.ts';
import { startServerBeside, startTestServer, testDatabases, type TestServer } from './test-server.ts';

const DAY = 24 * 60 * 60 * 1000;
/** A guessed code: the right shape, almost surely no trainee's. */
const guess = () => randomBytes(10).toString('hex').slice(0, 10).toUpperCase();

describe.each(testDatabases)('enrolment under attack on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    // One reverse proxy in front, as in production: X-Forwarded-For names the client.
    server = await startTestServer(database, { attemptLimits: DEFAULT_ATTEMPT_LIMITS, trustedProxies: 1 });
  });
  afterAll(() => server.close());
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('answers guessing from one address with 429 within 20 attempts, even for a real code, while 30 enrolments from one address in a minute succeed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20 && !statuses.includes(429); i++) {
      statuses.push((await call(server, 'POST', '/api/v1/enrol', { body: { code: guess(), deviceId: randomUUID() }, headers: from('198.51.100.7') })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([401]));
    const { code } = await issueCode(server);
    const blocked = await call(server, 'POST', '/api/v1/enrol', { body: { code, deviceId: randomUUID() }, headers: from('198.51.100.7') });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

    // A classroom behind one NAT address; a couple of typing mistakes among them.
    const started = Date.now();
    for (let i = 0; i < 30; i++) {
      if (i % 10 === 0) await call(server, 'POST', '/api/v1/enrol', { body: { code: guess(), deviceId: randomUUID() }, headers: from('203.0.113.50') });
      const { code: own } = await issueCode(server, `Học viên ${i}`);
      const reply = await call(server, 'POST', '/api/v1/enrol', { body: { code: own, deviceId: randomUUID() }, headers: from('203.0.113.50') });
      expect(reply.status, `trainee ${i}`).toBe(201);
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    // The real code was not used up by the refused attempt: it still enrols from elsewhere.
    expect((await call(server, 'POST', '/api/v1/enrol', { body: { code, deviceId: randomUUID() }, headers: from('192.0.2.1') })).status).toBe(201);
  }, 60_000); // the minute the classroom is given, not vitest's 5 s: 50 requests on a busy machine

  it('answers guessing of device tokens from one address with 429, for valid tokens from it too, and not for others', async () => {
    const phone = await enrolDevice(server);
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      statuses.push((await call(server, 'GET', '/api/v1/me', { token: randomBytes(32).toString('base64url'), headers: from('198.51.100.99') })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeLessThanOrEqual(DEFAULT_ATTEMPT_LIMITS.auth.perAddress.max + 1);
    expect((await call(server, 'GET', '/api/v1/me', { token: phone.token, headers: from('198.51.100.99') })).status).toBe(429);
    expect((await call(server, 'GET', '/api/v1/me', { token: phone.token, headers: from('192.0.2.2') })).status).toBe(200);
  });

  it('believes only the entry its own proxy added to X-Forwarded-For, not what the client wrote before it', async () => {
    for (let i = 0; i < DEFAULT_ATTEMPT_LIMITS.enrol.perAddress.max + 1; i++) {
      await call(server, 'POST', '/api/v1/enrol', { body: { code: guess(), deviceId: randomUUID() }, headers: from(`10.0.0.${i}, 198.51.100.200`) });
    }
    const { code } = await issueCode(server);
    const reply = await call(server, 'POST', '/api/v1/enrol', { body: { code, deviceId: randomUUID() }, headers: from('10.9.9.9, 198.51.100.200') });
    expect(reply.status).toBe(429);
  });

  it('shares the counts between server processes over one database', async () => {
    const other = await startServerBeside(server, { attemptLimits: DEFAULT_ATTEMPT_LIMITS, trustedProxies: 1 });
    try {
      const max = DEFAULT_ATTEMPT_LIMITS.enrol.perAddress.max;
      for (let i = 0; i < max; i++) {
        const target = i % 2 ? other : server;
        expect((await call(target, 'POST', '/api/v1/enrol', { body: { code: guess(), deviceId: randomUUID() }, headers: from('198.51.100.77') })).status).toBe(401);
      }
      // Neither process alone has seen more than half of them.
      for (const target of [server, other]) {
        expect((await call(target, 'POST', '/api/v1/enrol', { body: { code: guess(), deviceId: randomUUID() }, headers: from('198.51.100.77') })).status).toBe(429);
      }
    } finally {
      await other.close();
    }
  });
});

describe.each(testDatabases)('a global limit on guessing, on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    const rule = { max: 5, windowMs: 60_000 };
    server = await startTestServer(database, {
      attemptLimits: { enrol: { perAddress: { max: 100, windowMs: 60_000 }, global: rule }, auth: DEFAULT_ATTEMPT_LIMITS.auth },
      trustedProxies: 1,
    });
  });
  afterAll(() => server.close());

  it('stops guesses spread over many addresses once they pass the limit for everyone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const headers = { 'x-forwarded-for': `198.18.0.${i}` };
      statuses.push((await call(server, 'POST', '/api/v1/enrol', { body: { code: guess(), deviceId: randomUUID() }, headers })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });
});

describe.each(testDatabases)('enrolment codes on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it('refuses a code past its expiry with 401: 30 days by default, or what --expires said', async () => {
    const repositories = repositoriesOf(server.database);
    const old = await issueEnrolment(repositories, { name: 'Cũ', unit: 'Sở', now: new Date(Date.now() - 31 * DAY) });
    const reply = await call(server, 'POST', '/api/v1/enrol', { body: { code: old.code, deviceId: randomUUID() } });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthorized');
    const recent = await issueEnrolment(repositories, { name: 'Mới', unit: 'Sở', now: new Date(Date.now() - 29 * DAY) });
    expect((await call(server, 'POST', '/api/v1/enrol', { body: { code: recent.code, deviceId: randomUUID() } })).status).toBe(201);

    const admin = (now: Date, ...args: string[]) => runAdmin(args, { repositories, catalogue: () => testCatalogue, now: () => now });
    const shortLived = /code: (\S+)/.exec(await admin(new Date(Date.now() - 2 * DAY), 'enrol', '--name', 'Ngắn', '--unit', 'Sở', '--expires', '1'))![1]!;
    expect((await call(server, 'POST', '/api/v1/enrol', { body: { code: shortLived, deviceId: randomUUID() } })).status).toBe(401);
    const longLived = /code: (\S+)/.exec(await admin(new Date(Date.now() - 60 * DAY), 'enrol', '--name', 'Dài', '--unit', 'Sở', '--expires', '90'))![1]!;
    expect((await call(server, 'POST', '/api/v1/enrol', { body: { code: longLived, deviceId: randomUUID() } })).status).toBe(201);
    const traineeId = (await enrolDevice(server)).trainee.id;
    const second = /: (\w{5}-\w{5})$/m.exec(await admin(new Date(Date.now() - 3 * DAY), 'code', traineeId, '--expires', '2'))![1]!;
    expect((await call(server, 'POST', '/api/v1/enrol', { body: { code: second, deviceId: randomUUID() } })).status).toBe(401);
  });

  it('leaves exactly one valid token when one device redeems its code again ten times at once', async () => {
    const { code } = await issueCode(server);
    const deviceId = randomUUID();
    const first = await enrolDevice(server, code, deviceId);
    const replies = await Promise.all(Array.from({ length: 10 }, () => call(server, 'POST', '/api/v1/enrol', { body: { code, deviceId } })));
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    const tokens = [first.token, ...replies.map((r) => enrolResponseSchema.parse(r.body).token)];
    const valid = [];
    for (const token of tokens) if ((await call(server, 'GET', '/api/v1/me', { token })).status === 200) valid.push(token);
    expect(valid).toHaveLength(1);
    const active = await server.database.db.selectFrom('devices').select('token_hash').where('device_id', '=', deviceId).where('revoked_at', 'is', null).execute();
    expect(active).toHaveLength(1);
  });

  it('never lets a cache keep the token: the reply says no-store', async () => {
    const { code } = await issueCode(server);
    const reply = await call(server, 'POST', '/api/v1/enrol', { body: { code, deviceId: randomUUID() } });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('adds no device for a refused attempt', async () => {
    const before = await rowCounts(server);
    await call(server, 'POST', '/api/v1/enrol', { body: { code: guess(), deviceId: randomUUID() } });
    expect(await rowCounts(server)).toEqual(before);
  });
});
