import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUsageError, runAdmin } from '../../src/server/admin/run-admin.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { officeCall, PASSWORD } from './office-client.ts';
import { enrolDevice, sectionReads } from './sync-client.ts';
import { testCatalogue } from './test-catalogue.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

const run = promisify(execFile);

describe.each(testDatabases)('officer accounts from the command line on $name', (database) => {
  let server: TestServer;
  let admin: (...args: string[]) => Promise<string>;
  beforeAll(async () => {
    server = await startTestServer(database);
    admin = (...args) => runAdmin(args, { repositories: repositoriesOf(server.database), catalogue: () => testCatalogue, publicUrl: server.url });
  });
  afterAll(() => server.close());
  const tokenIn = (output: string) => /\/office\/setup#token=([\w-]{43})$/m.exec(output)![1]!;

  it('officer add prints a one-time setup link in the fragment, which sets the password', async () => {
    const output = await admin('officer', 'add', '--email', 'Ha.Nguyen@MIC.gov.vn', '--name', 'Nguyễn Thu Hà', '--unit', 'Sở KH&CN Huế');
    expect(output).toMatch(/^Added officer Nguyễn Thu Hà <ha\.nguyen@mic\.gov\.vn>, who sees the unit Sở KH&CN Huế\./);
    expect(output).toContain(`${server.url}/office/setup#token=`);
    const setup = await officeCall(server, 'POST', '/setup', { body: { token: tokenIn(output), password: PASSWORD } });
    expect(setup.body.officer).toMatchObject({ email: 'ha.nguyen@mic.gov.vn', unit: 'Sở KH&CN Huế' });
    expect(await admin('officer', 'list')).toContain('ha.nguyen@mic.gov.vn  Nguyễn Thu Hà  unit Sở KH&CN Huế  password set');
    await expect(admin('officer', 'add', '--email', 'ha.nguyen@mic.gov.vn', '--name', 'Again')).rejects.toThrow(/exists/);
  });

  it('officer link gives a forgotten password a new link; officer disable signs the officer out for good', async () => {
    await admin('officer', 'add', '--email', 'tuan@mic.gov.vn', '--name', 'Đặng Tuấn');
    const link = await admin('officer', 'link', '--email', 'tuan@mic.gov.vn');
    const setup = await officeCall(server, 'POST', '/setup', { body: { token: tokenIn(link), password: PASSWORD } });
    const cookie = setup.headers.get('set-cookie')!.split(';')[0];
    expect((await officeCall(server, 'GET', '/session', { cookie })).status).toBe(200);
    expect(await admin('officer', 'disable', '--email', 'tuan@mic.gov.vn')).toMatch(/^Disabled Đặng Tuấn/);
    expect((await officeCall(server, 'GET', '/session', { cookie })).status).toBe(401);
    const again = await officeCall(server, 'POST', '/session', { body: { email: 'tuan@mic.gov.vn', password: PASSWORD } });
    expect(again.status).toBe(401);
    await expect(admin('officer', 'link', '--email', 'tuan@mic.gov.vn')).rejects.toThrow(AdminUsageError);
  });

  it('refuses a bad email, a missing name and names that are not one printable line', async () => {
    await expect(admin('officer', 'add', '--email', 'not-an-email', '--name', 'A')).rejects.toThrow(/--email/);
    await expect(admin('officer', 'add', '--email', 'a@b.vn')).rejects.toThrow(/--name/);
    await expect(admin('officer', 'add', '--email', 'a@b.vn', '--name', 'A\nB')).rejects.toThrow(/printable/);
    await expect(admin('officer', 'promote')).rejects.toThrow(/Unknown command/);
  });

  it('rollups rebuild builds the dashboard rows again from the events', async () => {
    const phone = await enrolDevice(server);
    await phone.sync({ events: sectionReads(phone, 2) });
    await server.database.db.deleteFrom('lesson_rollups').execute();
    expect(await admin('rollups', 'rebuild')).toBe("Rebuilt the dashboard's rollups of 1 trainee from their stored events.");
    const rows = await repositoriesOf(server.database).rollups.lessonRows(phone.trainee.id);
    expect(rows.map((r) => r.sections.length)).toEqual([2]);
  });

  it('runs as `tsx src/server/admin.ts`, with the link at PUBLIC_URL', async () => {
    const env = { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: server.databaseUrl ?? '', PUBLIC_URL: 'https://hoc.example.gov.vn/' };
    const { stdout } = await run('npx', ['tsx', 'src/server/admin.ts', 'officer', 'add', '--email', 'lan@mic.gov.vn', '--name', 'Vũ Lan'], { env });
    expect(stdout).toMatch(/https:\/\/hoc\.example\.gov\.vn\/office\/setup#token=[\w-]{43}/);
  }, 30_000);
});
