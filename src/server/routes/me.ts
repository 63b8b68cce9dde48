import { Hono } from 'hono';
import type { MeResponse } from '../../shared/me-api.ts';
import { type AuthDeps, type AuthEnv, authenticate } from '../auth/authenticate.ts';

/** GET /v1/me: who the token belongs to; a 401 tells the app it must enrol again. */
export function meRoutes(auth: AuthDeps) {
  return new Hono<AuthEnv>().get('/v1/me', authenticate(auth), (c) => {
    const body: MeResponse = { trainee: c.var.device.trainee, deviceId: c.var.device.deviceId };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
