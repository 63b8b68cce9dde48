import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncResponseSchema } from '../../src/shared/sync-api.ts';
import { call, enrolTwoDevices, sectionReads } from './sync-client.ts';
import { startServerProcesses, type ServerProcesses } from './server-processes.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

// Several processes share one database on PostgreSQL; SQLite is one process's database.
describe.each(testDatabases)('server processes over one database on $name', (database) => {
  const n = database.name === 'postgres' ? 2 : 1;
  let owner: TestServer;
  let group: ServerProcesses;
  beforeAll(async () => {
    owner = await startTestServer(database); // creates (and at the end drops) the database
    group = await startServerProcesses(n, owner);
  }, 60_000);
  afterAll(async () => {
    await group.close();
    await owner.close();
  });

  it(`starts ${n} from \`tsx src/server/main.ts\`, each answering on its own port`, async () => {
    expect(new Set(group.processes.map((p) => p.url)).size).toBe(n);
    for (const p of group.processes) expect((await fetch(`${p.url}/api/health`)).status).toBe(200);
  });

  it("passes one trainee's events between processes, and keeps serving after one is killed", async () => {
    const [phone, laptop] = await enrolTwoDevices(owner);
    const [first, second = first] = group.processes.map((p) => ({ ...owner, url: p.url }));
    const pushed = sectionReads(phone, 5);
    const push = await call(first!, 'POST', '/api/v1/sync', { token: phone.token, body: { deviceId: phone.deviceId, cursor: 0, events: pushed } });
    expect(syncResponseSchema.parse(push.body).accepted).toHaveLength(5);
    const pull = await call(second!, 'POST', '/api/v1/sync', { token: laptop.token, body: { deviceId: laptop.deviceId, cursor: 0, events: [] } });
    expect(syncResponseSchema.parse(pull.body).events).toEqual(pushed);

    await group.processes[0]!.stop('SIGKILL');
    const replacement = await group.start();
    const again = await call({ ...owner, url: replacement.url }, 'POST', '/api/v1/sync', { token: laptop.token, body: { deviceId: laptop.deviceId, cursor: 0, events: [] } });
    expect(syncResponseSchema.parse(again.body).events).toEqual(pushed);
  }, 60_000);
});
