import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLessonReport, lessonReports } from '../../src/server/admin/progress-report.ts';
import { AdminUsageError, runAdmin } from '../../src/server/admin/run-admin.ts';
import { ENROLMENT_CODE_ALPHABET } from '../../src/server/auth/secrets.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { enrolmentCodeSchema } from '../../src/shared/sync-api.ts';
import { call, enrolAnotherDevice, enrolDevice, event } from './sync-client.ts';
import { testCatalogue } from './test-catalogue.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

const run = promisify(execFile);

describe.each(testDatabases)('admin command line on $name', (database) => {
  let server: TestServer;
  let admin: (...args: string[]) => Promise<string>;
  beforeAll(async () => {
    server = await startTestServer(database);
    const repositories = repositoriesOf(server.database);
    admin = (...args) => runAdmin(args, { repositories, catalogue: () => testCatalogue });
  });
  afterAll(() => server.close());

  it('enrol prints a short, readable one-time code that the app can use once', async () => {
    const output = await admin('enrol', '--name', 'Lê Văn Cường', '--unit', 'Sở TT&TT Đà Nẵng');
    const code = /code: (\S+)/.exec(output)![1]!;
    const normalised = enrolmentCodeSchema.parse(code);
    expect(normalised).toHaveLength(10);
    expect([...normalised].every((ch) => ENROLMENT_CODE_ALPHABET.includes(ch))).toBe(true);
    expect(normalised).not.toMatch(/[01OIL]/);
    expect(output).toMatch(/Enrolled Lê Văn Cường \(Sở TT&TT Đà Nẵng\) as tr-\w{8}/);

    const first = await call(server, 'POST', '/api/v1/enrol', { body: { code: code.toLowerCase(), deviceId: randomUUID() } });
    expect(first.status).toBe(201);
    expect(first.body.trainee.name).toBe('Lê Văn Cường');
    const second = await call(server, 'POST', '/api/v1/enrol', { body: { code, deviceId: randomUUID() } });
    expect(second.status).toBe(401);
  });

  it('code issues another one-time code for a second device of the same trainee', async () => {
    const phone = await enrolDevice(server);
    const output = await admin('code', phone.trainee.id);
    const code = /: (\w{5}-\w{5})$/m.exec(output)![1]!;
    const laptop = await call(server, 'POST', '/api/v1/enrol', { body: { code, deviceId: randomUUID() } });
    expect(laptop.body.trainee).toEqual(phone.trainee);
  });

  it('list shows each trainee with unit, devices, events and last sync', async () => {
    const phone = await enrolDevice(server);
    await enrolAnotherDevice(server, phone.trainee);
    await phone.sync({ events: [event(phone, 'section_read', { sectionId: 'why-now' }), event(phone, 'lesson_completed', {})] });
    const line = (await admin('list')).split('\n').find((l) => l.startsWith(phone.trainee.id))!;
    expect(line).toContain(phone.trainee.unit);
    expect(line).toContain('2 devices');
    expect(line).toContain('2 events');
    expect(line).toMatch(/last sync \d{4}-\d\d-\d\dT/);
  });

  it('revoke shuts out the trainee and every device of theirs', async () => {
    const phone = await enrolDevice(server);
    expect((await phone.sync({})).status).toBe(200);
    expect(await admin('revoke', phone.trainee.id)).toContain(`Revoked ${phone.trainee.id}`);
    expect((await phone.sync({})).status).toBe(401);
    expect((await admin('list')).split('\n').find((l) => l.startsWith(phone.trainee.id))).toContain('REVOKED');
    await expect(admin('code', phone.trainee.id)).rejects.toThrow(AdminUsageError);
  });

  it('report shows sections read, completion and best quiz score per lesson', async () => {
    const phone = await enrolDevice(server);
    await phone.sync({
      events: [
        event(phone, 'section_read', { sectionId: 'what-is-it' }),
        event(phone, 'section_read', { sectionId: 'why-now' }),
        event(phone, 'section_read', { sectionId: 'why-now' }),
        event(phone, 'quiz_answered', { answers: { 'q-goal': ['a'] }, score: 0.5, passed: false }),
        event(phone, 'quiz_answered', { answers: { 'q-goal': ['b'] }, score: 1, passed: true }),
        event(phone, 'lesson_completed', {}),
        event(phone, 'section_read', { sectionId: 'intro' }, { lessonId: 'data-sharing' }),
      ],
    });
    const report = await admin('report');
    const block = report.split('\n\n').find((b) => b.includes(phone.trainee.id))!;
    expect(block.split('\n').slice(1)).toEqual([
      '  digital-government  sections 2/3  completed  best quiz 100% (2 attempts)',
      '  data-sharing  sections 1/2  in progress  no quiz yet',
    ]);
  });

  it('refuses a name or unit that holds control characters or line breaks', async () => {
    for (const [name, unit] of [['An\nREVOKED', 'Sở'], ['An', 'Sở\u001b[2J'], ['An\u2028B', 'Sở'], ['An\u202eB', 'Sở']]) {
      await expect(admin('enrol', '--name', name!, '--unit', unit!)).rejects.toThrow(/printable text, on one line/);
    }
  });

  it('prints hostile names stored by other means escaped, one trainee to a line', async () => {
    const repositories = repositoriesOf(server.database);
    const name = 'Mallory\ntr-forged00  Trần Văn A  Bộ X  9 devices  0 events  last sync never';
    const trainee = await repositories.trainees.createTrainee({ id: 'tr-hostile1', name, unit: 'Sở\u001b[31m\r', now: new Date().toISOString() });
    const list = (await admin('list')).split('\n');
    expect(list.some((line) => line.startsWith('tr-forged00'))).toBe(false);
    expect(list.find((line) => line.startsWith(trainee.id))).toContain('Mallory\\ntr-forged00  Trần Văn A');
    expect(list.find((line) => line.startsWith(trainee.id))).toContain('Sở\\u001b[31m\\r');
    const report = await admin('report');
    expect(report).not.toMatch(/\u001b|\r/);
    expect(report.split('\n').filter((line) => line.startsWith('tr-forged00'))).toEqual([]);
    expect(report).toContain(`Mallory\\ntr-forged00`);
  });

  it('reports the final assessment, a quiz with no sections, by its attempts alone', () => {
    const catalogue = { lessons: [...testCatalogue.lessons, { id: 'final-assessment', sections: [], questions: [{ id: 'fq-1', options: ['a', 'b'] }] }] };
    const device = { deviceId: randomUUID() };
    const attempts = [0.6, 0.85].map((score) => event(device, 'quiz_answered', { answers: { 'fq-1': ['a'] }, score, passed: score >= 0.8 }, { lessonId: 'final-assessment' }));
    expect(lessonReports(attempts, catalogue).map(formatLessonReport)).toEqual(['final-assessment  best quiz 85% (2 attempts)']);
  });

  it('refuses unknown commands, missing options and unknown trainees with a usage error', async () => {
    await expect(admin()).rejects.toThrow(AdminUsageError);
    await expect(admin('promote')).rejects.toThrow(/Unknown command/);
    await expect(admin('enrol', '--name', 'Only a name')).rejects.toThrow(/--name and --unit/);
    await expect(admin('enrol', '--name', 'A', '--unit', 'B', '--colour', 'red')).rejects.toThrow(AdminUsageError);
    await expect(admin('revoke')).rejects.toThrow(/exactly one trainee id/);
    await expect(admin('revoke', 'tr-nobody00')).rejects.toThrow(/No trainee/);
    await expect(admin('enrol', '--name', 'A', '--unit', 'B', '--expires', 'soon')).rejects.toThrow(/--expires takes a whole number of days/);
    await expect(admin('code', 'tr-nobody00', '--expires', '0')).rejects.toThrow(/--expires/);
  });

  it('runs as `tsx src/server/admin.ts` on the same database settings as the server', async () => {
    const env = { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: server.databaseUrl ?? '' };
    const enrolled = await run('npx', ['tsx', 'src/server/admin.ts', 'enrol', '--name', 'Phạm Thu Dung', '--unit', 'UBND tỉnh Lào Cai'], { env });
    expect(enrolled.stdout).toMatch(/One-time enrolment code: [A-Z2-9]{5}-[A-Z2-9]{5}/);
    const listed = await run('npx', ['tsx', 'src/server/admin.ts', 'list'], { env });
    expect(listed.stdout).toContain('Phạm Thu Dung  UBND tỉnh Lào Cai  0 devices  0 events  last sync never');

    const failed = await run('npx', ['tsx', 'src/server/admin.ts', 'revoke'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('Usage: npm run admin') });
  }, 90_000); // three Node processes compiling TypeScript with tsx: 10 s each on a busy machine
});
