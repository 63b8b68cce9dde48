import { afterAll, beforeAll } from 'vitest';
import { repositoriesOf, type Repositories } from '../../src/server/repositories/repositories.ts';
import { startTestServer, type TestServer } from '../server/test-server.ts';

/**
 * The real server for one file (or describe block) of data tests: started before its tests over a
 * fresh SQLite database, closed after. Its attempt limit is out of reach: the tests sync in loops
 * that the server would otherwise slow down. Read `.server` and `.repository` inside the tests.
 */
export function realServer(options: Parameters<typeof startTestServer>[1] = {}) {
  const real = {} as { server: TestServer; repository: Repositories };
  beforeAll(async () => {
    real.server = await startTestServer(undefined, { rateLimit: { capacity: 1e6, refillPerSecond: 1e6 }, ...options });
    real.repository = repositoriesOf(real.server.database);
  });
  afterAll(() => real.server?.close());
  return real;
}
