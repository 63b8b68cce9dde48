import { Hono } from 'hono';
import { syncRequestSchema } from '../../shared/sync-api.ts';
import { type AuthDeps, type AuthEnv, authenticate } from '../auth/authenticate.ts';
import { parseWith, readJson } from '../http/read-body.ts';
import { type SyncDeps, syncDevice } from '../services/sync-service.ts';

/** POST /v1/sync: push this device's events and pull the trainee's others, in one round trip. */
export function syncRoutes(auth: AuthDeps, deps: SyncDeps) {
  return new Hono<AuthEnv>().post('/v1/sync', authenticate(auth), async (c) => {
    const request = parseWith(syncRequestSchema, await readJson(c));
    c.header('Cache-Control', 'no-store');
    return c.json(await syncDevice(deps, c.var.device, request));
  });
}
