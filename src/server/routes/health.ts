import { Hono } from 'hono';
import type { Health } from '../../shared/health.ts';
import type { Database } from '../db/database.ts';
import { APP_VERSION } from '../version.ts';

export function healthRoutes(database: Database) {
  return new Hono().get('/health', async (c) => {
    const ok = await database.ping();
    const body: Health = {
      status: ok ? 'ok' : 'degraded',
      version: APP_VERSION,
      database: { kind: database.kind, ok },
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, ok ? 200 : 503);
  });
}
