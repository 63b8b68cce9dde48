import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin/run-admin.ts';
import { AdminCheckFailed } from '../../src/server/admin/certificate-commands.ts';
import { DEFAULT_SIGNING_KEY_FILE } from '../../src/server/config.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { completionOf } from '../../src/server/services/certificate-service.ts';
import { openSigningKeys } from '../../src/server/signing/signing-keys.ts';
import { indexCatalogue } from '../../src/server/course/catalogue-index.ts';
import { certificateStatusSchema, completionResponseSchema, notCompletedBodySchema } from '../../src/shared/completion/completion-api.ts';
import { readCompletionRecord, verifyCompletionRecord } from '../../src/shared/completion/verify-record.ts';
import { keySetSchema } from '../../src/shared/completion/public-keys.ts';
import type { Catalogue } from '../../src/shared/catalogue.ts';
import { completingSteps, completionCatalogue, finalAttempt, lessonSteps } from './completion-course.ts';
import { call, enrolAnotherDevice, enrolDevice, event, issueCode, type Device } from './sync-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

describe.each(testDatabases)('completion records on $name', (database) => {
  let server: TestServer;
  let admin: (...args: string[]) => Promise<string>;
  const keyFile = () => join(server.dataDir, DEFAULT_SIGNING_KEY_FILE);
  beforeAll(async () => {
    server = await startTestServer(database, { catalogue: completionCatalogue });
    admin = (...args) => runAdmin(args, { repositories: repositoriesOf(server.database), catalogue: () => completionCatalogue, signingKeyFile: keyFile() });
  });
  afterAll(() => server.close());

  const completion = (device: Pick<Device, 'token'>) => call(server, 'GET', '/api/v1/completion', { token: device.token });
  const publishedKeys = async () => keySetSchema.parse((await call(server, 'GET', '/api/v1/keys')).body).keys;
  const recordCount = async (traineeId: string) =>
    (await server.database.db.selectFrom('certificates').select('id').where('trainee_id', '=', traineeId).execute()).length;

  it('answers 404 not_completed before completion, naming each lesson with what it lacks and the final assessment', async () => {
    const phone = await enrolDevice(server);
    const before = await completion(phone);
    expect(before.status).toBe(404);
    expect(before.headers.get('cache-control')).toBe('no-store');
    expect(notCompletedBodySchema.parse(before.body).error.missing).toEqual({
      lessons: [
        { lessonId: 'digital-government', unreadSections: ['what-is-it', 'why-now', 'roadmap'], quizPassed: false },
        { lessonId: 'data-sharing', unreadSections: ['intro', 'platforms'], quizPassed: true },
      ],
      finalAssessmentPassed: false,
    });

    await phone.sync({ events: [...lessonSteps(phone, 'digital-government'), event(phone, 'section_read', { sectionId: 'intro' }, { lessonId: 'data-sharing' })] });
    const partway = notCompletedBodySchema.parse((await completion(phone)).body);
    expect(partway.error.missing).toEqual({ lessons: [{ lessonId: 'data-sharing', unreadSections: ['platforms'], quizPassed: true }], finalAssessmentPassed: false });

    // Every lesson done and the final assessment failed: still no record.
    await phone.sync({ events: [...lessonSteps(phone, 'data-sharing'), finalAttempt(phone, 0.75)] });
    expect(notCompletedBodySchema.parse((await completion(phone)).body).error.missing).toEqual({ lessons: [], finalAssessmentPassed: false });
    expect(await recordCount(phone.trainee.id)).toBe(0);
  });

  it('never counts a flagged event, even once a later course could place it', async () => {
    const repositories = repositoriesOf(server.database);
    let course: Catalogue = completionCatalogue;
    const deps = { repositories, catalogue: () => indexCatalogue(course), keys: openSigningKeys(keyFile(), { create: false }), now: Date.now };
    const phone = await enrolDevice(server);
    // Steps for a lesson the course does not have (yet): stored flagged.
    const early = lessonSteps(phone, 'data-sharing').map((e) => ({ ...e, lessonId: 'sharing-preview' }));
    await phone.sync({ events: [...lessonSteps(phone, 'digital-government'), ...early, finalAttempt(phone, 0.9)] });
    // The course now lists "sharing-preview" as a former id of "data-sharing": the flag stays.
    course = { ...completionCatalogue, lessons: completionCatalogue.lessons.map((l) => (l.id === 'data-sharing' ? { ...l, formerIds: ['sharing-preview'] } : l)) };
    expect(await completionOf(deps, phone.trainee)).toEqual({
      missing: { lessons: [{ lessonId: 'data-sharing', unreadSections: ['intro', 'platforms'], quizPassed: true }], finalAssessmentPassed: true },
    });
  });

  it('issues one signed record in the sync that completes the course, and hands the same one out every time', async () => {
    const phone = await enrolDevice(server, (await issueCode(server, 'Trần Thị Bích Ngọc', 'Sở Thông tin và Truyền thông tỉnh Lào Cai')).code);
    const sync = await phone.sync({ events: completingSteps(phone) });
    expect(sync.status).toBe(200);
    expect(await recordCount(phone.trainee.id)).toBe(1); // issued by the sync itself, before any GET

    const first = await completion(phone);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const { record, revokedAt } = completionResponseSchema.parse(first.body);
    expect(revokedAt).toBeNull();
    const checked = await verifyCompletionRecord(record, await publishedKeys(), crypto.subtle);
    expect(checked).toMatchObject({
      verdict: 'valid',
      record: {
        sub: phone.trainee.id,
        name: 'Trần Thị Bích Ngọc',
        unit: 'Sở Thông tin và Truyền thông tỉnh Lào Cai',
        course: 'egov-core-experts',
        version: 'test-v1',
        scores: { 'digital-government': 50, 'data-sharing': 0 },
        final: 85,
      },
    });
    const issued = readCompletionRecord(record)!;
    expect(issued.jti).toMatch(/^ce-[a-z0-9]{16}$/);
    expect(Object.keys(issued.scores)).toEqual(['digital-government', 'data-sharing']);
    expect(Math.abs(issued.iat * 1000 - Date.now())).toBeLessThan(60_000);

    // More study after completion changes nothing: the record was issued once.
    await phone.sync({ events: [finalAttempt(phone, 1)] });
    expect(completionResponseSchema.parse((await completion(phone)).body).record).toBe(record);
    expect(await recordCount(phone.trainee.id)).toBe(1);
  });

  it("issues exactly one record when the trainee's two devices complete the course in concurrent syncs", async () => {
    for (let round = 0; round < 4; round++) {
      const phone = await enrolDevice(server);
      const laptop = await enrolAnotherDevice(server, phone.trainee);
      // Each device holds a whole completion of its own, so either sync alone completes the course.
      const replies = await Promise.all([phone.sync({ events: completingSteps(phone) }), laptop.sync({ events: completingSteps(laptop) })]);
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      expect(await recordCount(phone.trainee.id)).toBe(1);
      const fromPhone = completionResponseSchema.parse((await completion(phone)).body).record;
      expect(completionResponseSchema.parse((await completion(laptop)).body).record).toBe(fromPhone);
    }
  });

  it('issues exactly one record when several requests find the course complete at once', async () => {
    const phone = await enrolDevice(server);
    // Written straight to the events table, not synced: no sync has issued a record, so the
    // requests below all find none and race to issue it.
    const repositories = repositoriesOf(server.database);
    await repositories.events.insert(phone.trainee.id, completingSteps(phone).map((e) => ({ event: e, at: e.at, flag: null })), new Date().toISOString());
    const deps = { repositories, catalogue: () => indexCatalogue(completionCatalogue), keys: openSigningKeys(keyFile(), { create: false }), now: Date.now };
    const results = await Promise.all(Array.from({ length: 8 }, () => completionOf(deps, phone.trainee)));
    const ids = new Set(results.map((r) => ('certificate' in r ? r.certificate.id : 'missing')));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^ce-/);
    expect(await recordCount(phone.trainee.id)).toBe(1);
    const viaHttp = completionResponseSchema.parse((await completion(phone)).body).record;
    expect(readCompletionRecord(viaHttp)!.jti).toBe([...ids][0]);
  });

  it("never gives a trainee another trainee's record", async () => {
    const a = await enrolDevice(server, (await issueCode(server, 'Phạm Văn Đồng Chí', 'Bộ Nội vụ')).code);
    await a.sync({ events: completingSteps(a) });
    const b = await enrolDevice(server);
    const reply = await completion(b);
    expect(reply.status).toBe(404);
    expect(notCompletedBodySchema.parse(reply.body).error.code).toBe('not_completed');
    expect(JSON.stringify(reply.body)).not.toContain('Phạm Văn');
    // The public status of A's record says whether it stands, and nothing about whose it is.
    const aRecord = readCompletionRecord(completionResponseSchema.parse((await completion(a)).body).record)!;
    const status = await call(server, 'GET', `/api/v1/certificates/${aRecord.jti}/status`);
    expect(status.body).toEqual({ id: aRecord.jti, status: 'valid', revokedAt: null });
  });

  it('shows a revocation in the status endpoint and to the holder, without publishing the reason', async () => {
    const phone = await enrolDevice(server);
    await phone.sync({ events: completingSteps(phone) });
    const { record } = completionResponseSchema.parse((await completion(phone)).body);
    const id = readCompletionRecord(record)!.jti;
    const statusUrl = `/api/v1/certificates/${id}/status`;
    expect(certificateStatusSchema.parse((await call(server, 'GET', statusUrl)).body).status).toBe('valid');

    expect(await admin('revoke-certificate', id, '--reason', 'Cấp nhầm người, xem công văn 12/TTg')).toMatch(/^Revoked ce-/);
    const status = await call(server, 'GET', statusUrl);
    expect(status.status).toBe(200);
    expect(status.headers.get('cache-control')).toBe('no-store');
    expect(status.headers.get('access-control-allow-origin')).toBe('*');
    expect(certificateStatusSchema.parse(status.body)).toEqual({ id, status: 'revoked', revokedAt: expect.any(String) });
    expect(JSON.stringify(status.body)).not.toContain('công văn');
    const holder = completionResponseSchema.parse((await completion(phone)).body);
    expect(holder.record).toBe(record);
    expect(holder.revokedAt).toBe(status.body.revokedAt);
    // A second revocation keeps the first reason and date.
    expect(await admin('revoke-certificate', id, '--reason', 'again')).toMatch(/already revoked/);
    expect((await call(server, 'GET', statusUrl)).body.revokedAt).toBe(status.body.revokedAt);
    expect(await admin('certificates')).toContain(`REVOKED ${status.body.revokedAt}: Cấp nhầm người`);
  });

  it('answers strangers and hostile requests on every new endpoint with the right JSON error', async () => {
    const noToken = await call(server, 'GET', '/api/v1/completion');
    expect([noToken.status, noToken.body.error.code]).toEqual([401, 'unauthorized']);
    const badToken = await call(server, 'GET', '/api/v1/completion', { token: 'x'.repeat(43) });
    expect([badToken.status, badToken.body.error.code]).toEqual([401, 'unauthorized']);
    const notBearer = await call(server, 'GET', '/api/v1/completion', { headers: { authorization: 'Basic YTpi' } });
    expect([notBearer.status, notBearer.body.error.code]).toEqual([401, 'unauthorized']);

    for (const id of ['x', 'CE-ABCDEFGH23456789', 'ce-abcdefgh2345678%00', '..%2F..%2Fetc%2Fpasswd', `ce-${'a'.repeat(2000)}`, "ce-abcdefgh2345'--", '%F0%9F%92%A9', 'ce-%ZZ']) {
      const reply = await call(server, 'GET', `/api/v1/certificates/${id}/status`);
      expect([reply.status, reply.body?.error?.code], id).toEqual([400, 'validation_failed']);
    }
    const unknown = await call(server, 'GET', '/api/v1/certificates/ce-abcdefgh23456789/status');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    for (const [method, path] of [['POST', '/api/v1/keys'], ['DELETE', '/api/v1/certificates/ce-abcdefgh23456789/status'], ['PUT', '/api/v1/completion'], ['GET', '/api/v1/certificates']]) {
      const reply = await call(server, method!, path!, method === 'GET' ? {} : { body: {} });
      expect([reply.status, reply.body.error.code], `${method} ${path}`).toEqual([404, 'not_found']);
    }
  });

  it('publishes its keys as a JWK set with an ETag, and answers 304 when nothing changed', async () => {
    const reply = await call(server, 'GET', '/api/v1/keys');
    expect(reply.status).toBe(200);
    const { keys } = keySetSchema.parse(reply.body);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(keys[0]!).sort()).toEqual(['crv', 'kid', 'kty', 'x']); // never the private part
    expect(reply.headers.get('cache-control')).toMatch(/max-age=3600/);
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    const etag = reply.headers.get('etag')!;
    const again = await fetch(`${server.url}/api/v1/keys`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('signs with a new key after rotation, and keeps verifying the records the old key signed', async () => {
    const before = await enrolDevice(server);
    await before.sync({ events: completingSteps(before) });
    const oldRecord = completionResponseSchema.parse((await completion(before)).body).record;
    const oldKid = (await publishedKeys())[0]!.kid;

    expect(await admin('rotate-signing-key')).toMatch(/^New signing key \S+ in .*; \S+ is retired/);
    const after = await enrolDevice(server);
    await after.sync({ events: completingSteps(after) });
    const newRecord = completionResponseSchema.parse((await completion(after)).body).record;

    const keys = await publishedKeys();
    expect(keys.map((k) => k.kid)).toContain(oldKid);
    expect(keys[0]!.kid).not.toBe(oldKid);
    expect(await verifyCompletionRecord(oldRecord, keys, crypto.subtle)).toMatchObject({ verdict: 'valid', kid: oldKid });
    expect(await verifyCompletionRecord(newRecord, keys, crypto.subtle)).toMatchObject({ verdict: 'valid', kid: keys[0]!.kid });
    // The retired key's private part is gone from the file.
    const file = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(keyFile(), 'utf8')));
    expect(file.keys.filter((k: { d?: string }) => k.d)).toHaveLength(1);
  });

  it('keeps a record earned on one content version through a course update, without re-issuing it', async () => {
    const repositories = repositoriesOf(server.database);
    let course: Catalogue = completionCatalogue;
    const deps = { repositories, catalogue: () => indexCatalogue(course), keys: openSigningKeys(keyFile(), { create: false }), now: Date.now };
    const phone = await enrolDevice(server);
    await phone.sync({ events: completingSteps(phone) });
    const earned = await completionOf(deps, phone.trainee);

    course = { version: 'test-v2', lessons: [...completionCatalogue.lessons, { id: 'new-lesson', sections: ['one'], questions: [] }] };
    const later = await completionOf(deps, phone.trainee);
    expect(later).toEqual(earned);
    expect('certificate' in later && readCompletionRecord(later.certificate.jws)!.version).toBe('test-v1');
    // Someone finishing the old lessons only after the update needs the new one too.
    const latecomer = await enrolDevice(server);
    await repositories.events.insert(latecomer.trainee.id, completingSteps(latecomer).map((e) => ({ event: e, at: e.at, flag: null })), new Date().toISOString());
    expect(await completionOf(deps, latecomer.trainee)).toEqual({
      missing: { lessons: [{ lessonId: 'new-lesson', unreadSections: ['one'], quizPassed: true }], finalAssessmentPassed: true },
    });
  });

  it('lists records, verifies one from the command line (text, file or link) and reports who holds one', async () => {
    const phone = await enrolDevice(server, (await issueCode(server, 'Hoàng Minh Tuấn', 'Sở TT&TT Cần Thơ')).code);
    await phone.sync({ events: completingSteps(phone) });
    const { record } = completionResponseSchema.parse((await completion(phone)).body);
    const id = readCompletionRecord(record)!.jti;

    expect((await admin('certificates')).split('\n').find((l) => l.startsWith(id))).toMatch(
      new RegExp(`^${id}  ${phone.trainee.id}  Hoàng Minh Tuấn  Sở TT&TT Cần Thơ  completed \\d{4}-\\d{2}-\\d{2}  content test-v1  key \\S+$`),
    );
    expect(await admin('verify', record)).toMatch(/^VALID: Hoàng Minh Tuấn · Sở TT&TT Cần Thơ\n.*content test-v1.*\n.*not revoked$/);
    expect(await admin('verify', `https://learn.example.vn/verify#${record}`)).toMatch(/^VALID/);
    const { writeFileSync } = await import('node:fs');
    const file = join(server.dataDir, 'record.txt');
    writeFileSync(file, `${record}\n`);
    expect(await admin('verify', file)).toMatch(/^VALID/);
    const tampered = record.slice(0, 40) + (record[40] === 'A' ? 'B' : 'A') + record.slice(41);
    await expect(admin('verify', tampered)).rejects.toThrow(AdminCheckFailed);
    await expect(admin('verify', tampered)).rejects.toThrow(/^INVALID: (tampered|malformed)/);
    await expect(admin('verify', 'hello')).rejects.toThrow(/^INVALID: malformed/);

    const without = await enrolDevice(server);
    const report = await admin('report');
    const block = report.split('\n\n').find((b) => b.includes(phone.trainee.id))!;
    expect(block.split('\n')[0]).toContain(`· certificate ${id} of `);
    expect(report.split('\n\n').find((b) => b.includes(without.trainee.id))).not.toContain('certificate');
    await expect(admin('revoke-certificate', id)).rejects.toThrow(/--reason/);
    await expect(admin('revoke-certificate', id, '--reason', 'a\nb')).rejects.toThrow(/one line/);
    expect(await admin('revoke-certificate', 'ce-nosuchrecord2345', '--reason', 'x')).toMatch(/^No record/);
  });
});
