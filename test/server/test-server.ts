import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AttemptLimitOptions } from '../../src/server/auth/attempt-limits.ts';
import type { ServerConfig } from '../../src/server/config.ts';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/server.ts';
import { testCatalogue } from './test-catalogue.ts';

interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database for one server; `drop` removes it. */
  create(): Promise<{ databaseUrl?: string; dataDir: string; drop(): Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dataDir = mkdtempSync(join(tmpdir(), 'egov-learn-test-'));
    return { dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
};

// Each server gets its own schema, so suites never see each other's rows.
const postgres = (baseUrl: string): TestDatabase => ({
  name: 'postgres',
  async create() {
    const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'egov-learn-test-'));
    return {
      databaseUrl: url.toString(),
      dataDir,
      async drop() {
        const c = new pg.Client({ connectionString: baseUrl });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
});

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const testDatabases: TestDatabase[] = [
  sqlite,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];

export interface TestServer extends RunningServer {
  dataDir: string;
  databaseUrl?: string | undefined;
}

/** Limits no test trips by accident; the tests of the limits pass the real ones. */
const roomyAttemptLimits: AttemptLimitOptions = {
  enrol: { perAddress: { max: 1e6, windowMs: 60_000 }, global: { max: 1e6, windowMs: 60_000 } },
  auth: { perAddress: { max: 1e6, windowMs: 60_000 }, global: { max: 1e6, windowMs: 60_000 } },
};

/**
 * The real server on a free loopback port, over a fresh database; close() removes it. The course
 * is the small test catalogue and the attempt limits are roomy unless `options` say otherwise.
 */
export async function startTestServer(
  database: TestDatabase = sqlite,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const created = await database.create();
  const server = await startOver(created, options);
  return {
    ...server,
    dataDir: created.dataDir,
    databaseUrl: created.databaseUrl,
    async close() {
      await server.close();
      await created.drop();
    },
  };
}

/** Another server over the same database as `server`, as a second process would be; close() leaves the database. */
export async function startServerBeside(server: TestServer, options: TestServerOptions = {}): Promise<TestServer> {
  const beside = await startOver({ dataDir: server.dataDir, databaseUrl: server.databaseUrl }, options);
  return { ...beside, dataDir: server.dataDir, databaseUrl: server.databaseUrl };
}

type TestServerOptions = ServerOptions & Pick<ServerConfig, 'trustedProxies' | 'storageBudgetBytes'> & { staticDir?: string };

function startOver(created: { dataDir: string; databaseUrl?: string | undefined }, options: TestServerOptions) {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: created.dataDir,
    databaseUrl: created.databaseUrl,
    staticDir: options.staticDir ?? join(created.dataDir, 'no-app'),
    trustedProxies: options.trustedProxies,
    storageBudgetBytes: options.storageBudgetBytes,
  }, { attemptLimits: roomyAttemptLimits, ...options, catalogue: options.catalogue ?? testCatalogue });
}
