import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { DEFAULT_OFFICE_LIMITS } from '../../src/server/routes/office/office-deps.ts';
import { verifyPassword } from '../../src/server/auth/passwords.ts';
import { reissueSetupLink } from '../../src/server/services/officer-service.ts';
import { cookieOf, newOfficer, officeCall, PASSWORD, signedInOfficer } from './office-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

const HOUR = 60 * 60 * 1000;

describe.each(testDatabases)('officer sign-in on $name', (database) => {
  let server: TestServer;
  const clock = { now: Date.now() };
  beforeAll(async () => {
    // One reverse proxy in front: X-Forwarded-For names the client, X-Forwarded-Proto the scheme.
    server = await startTestServer(database, { now: () => clock.now, trustedProxies: 1, officeAttemptLimits: DEFAULT_OFFICE_LIMITS });
  });
  afterAll(() => server.close());
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('lets a setup link set a password once, and keeps only its scrypt hash', async () => {
    const { token, email } = await newOfficer(server, null, clock.now);
    const first = await officeCall(server, 'POST', '/setup', { body: { token, password: PASSWORD }, headers: from('203.0.113.1') });
    expect(first.status).toBe(200);
    expect(first.body.officer.email).toBe(email);
    const again = await officeCall(server, 'POST', '/setup', { body: { token, password: 'một mật khẩu khác hẳn' }, headers: from('203.0.113.1') });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('unauthorized');
    const stored = await repositoriesOf(server.database).officers.accountByEmail(email);
    expect(stored!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
    expect(stored!.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored!.passwordHash!)).toBe(true);
  });

  it('refuses a setup link after 24 hours', async () => {
    const { token } = await newOfficer(server, null, clock.now);
    clock.now += 24 * HOUR + 1000;
    try {
      const late = await officeCall(server, 'POST', '/setup', { body: { token, password: PASSWORD }, headers: from('203.0.113.2') });
      expect(late.status).toBe(401);
    } finally {
      clock.now -= 24 * HOUR + 1000;
    }
  });

  it('signs in with the right password and sets an HttpOnly, SameSite=Strict cookie for the office API only, Secure behind HTTPS', async () => {
    const { token, email } = await newOfficer(server, null, clock.now);
    await officeCall(server, 'POST', '/setup', { body: { token, password: PASSWORD }, headers: from('203.0.113.3') });
    const plain = await officeCall(server, 'POST', '/session', { body: { email, password: PASSWORD }, headers: from('203.0.113.3') });
    expect(plain.status).toBe(200);
    const flags = plain.headers.get('set-cookie')!.split(';').map((s) => s.trim());
    expect(flags[0]).toMatch(/^egov_office=[\w-]{43}$/);
    expect(flags).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/v1/office']));
    expect(flags).not.toContain('Secure');
    expect(flags.some((f) => /^(Max-Age|Expires)=/i.test(f))).toBe(false);
    expect(plain.headers.get('cache-control')).toBe('no-store');

    // Behind the TLS-terminating proxy the browser speaks HTTPS: Origin and cookie say so.
    const https = `https://${new URL(server.url).host}`;
    const secure = await officeCall(server, 'POST', '/session', { body: { email, password: PASSWORD }, origin: https, headers: { ...from('203.0.113.3'), 'x-forwarded-proto': 'https' } });
    expect(secure.status).toBe(200);
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure(;|$)/);

    const me = await officeCall(server, 'GET', '/session', { cookie: cookieOf(plain) });
    expect(me.body.officer.email).toBe(email);
  });

  it('answers a wrong password and an unknown email alike, with 401', async () => {
    const { token, email } = await newOfficer(server, null, clock.now);
    await officeCall(server, 'POST', '/setup', { body: { token, password: PASSWORD }, headers: from('203.0.113.4') });
    const wrong = await officeCall(server, 'POST', '/session', { body: { email, password: 'sai mật khẩu rồi' }, headers: from('203.0.113.4') });
    const unknown = await officeCall(server, 'POST', '/session', { body: { email: 'nobody@mic.gov.vn', password: PASSWORD }, headers: from('203.0.113.4') });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('meets password guessing with 429 per address, and per account from many addresses', async () => {
    const { token, email } = await newOfficer(server, null, clock.now);
    await officeCall(server, 'POST', '/setup', { body: { token, password: PASSWORD }, headers: from('198.51.100.1') });
    const statuses: number[] = [];
    for (let i = 0; i < 12 && !statuses.includes(429); i++) {
      statuses.push((await officeCall(server, 'POST', '/session', { body: { email, password: `đoán thử số ${i}` }, headers: from(`198.51.100.${10 + i}`) })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeLessThanOrEqual(DEFAULT_OFFICE_LIMITS.officeAccount.perAddress.max + 1);
    // Even the right password waits now: the guess is stopped before it is checked.
    const right = await officeCall(server, 'POST', '/session', { body: { email, password: PASSWORD }, headers: from('198.51.100.99') });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(right.body.error.code).toBe('rate_limited');

    const others: number[] = [];
    for (let i = 0; i < 25 && !others.includes(429); i++) {
      others.push((await officeCall(server, 'POST', '/session', { body: { email: `guess${i}@mic.gov.vn`, password: 'đoán thử' }, headers: from('198.51.100.200') })).status);
    }
    expect(others.at(-1)).toBe(429);
    expect(others.length).toBeLessThanOrEqual(DEFAULT_OFFICE_LIMITS.officeSignIn.perAddress.max + 1);
  }, 60_000); // every try runs scrypt, as a real one would

  it('ends a session after 12 idle hours, and keeps one that is used', async () => {
    const officer = await signedInOfficer(server, null, clock.now);
    clock.now += 11 * HOUR;
    expect((await officer.call('GET', '/overview')).status).toBe(200);
    clock.now += 11 * HOUR;
    expect((await officer.call('GET', '/overview')).status).toBe(200);
    clock.now += 12 * HOUR + 1000;
    const idle = await officer.call('GET', '/overview');
    expect(idle.status).toBe(401);
    expect(idle.headers.get('content-type')).toContain('application/json');
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const officer = await signedInOfficer(server, null, clock.now);
    const out = await officer.call('DELETE', '/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^egov_office=;.*Max-Age=0/);
    expect((await officer.call('GET', '/session')).status).toBe(401);
  });

  it('a new setup link signs the officer out everywhere once used', async () => {
    const officer = await signedInOfficer(server, null, clock.now);
    const link = await reissueSetupLink(repositoriesOf(server.database), officer.officer.email, clock.now);
    const reset = await officeCall(server, 'POST', '/setup', { body: { token: link!.token, password: 'mật khẩu mới đủ dài' }, headers: from('203.0.113.9') });
    expect(reset.status).toBe(200);
    expect((await officer.call('GET', '/session')).status).toBe(401);
    expect((await officeCall(server, 'GET', '/session', { cookie: cookieOf(reset) })).status).toBe(200);
  });
});
