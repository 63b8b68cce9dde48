import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/server.ts';

/** The real server over a built folder and a throwaway SQLite file (or DATABASE_URL). */
export async function benchServer(staticDir: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'egov-learn-bench-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl, staticDir });
  return {
    url: server.url.replace('127.0.0.1', 'localhost'),
    database: server.database,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
