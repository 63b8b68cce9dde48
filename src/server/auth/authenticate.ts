import { createMiddleware } from 'hono/factory';
import { HttpError } from '../http/http-error.ts';
import type { Repositories } from '../repositories/repositories.ts';
import type { AuthenticatedDevice } from '../repositories/trainees.ts';
import { bearerToken } from './bearer-token.ts';
import { sha256 } from './secrets.ts';

export type AuthEnv = { Variables: { device: AuthenticatedDevice } };

/** Puts the token's device in `c.var.device`, or answers 401 before the body is even read. */
export const authenticate = (repositories: Repositories) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new HttpError(401, 'unauthorized', 'Send "Authorization: Bearer <token>"');
    const device = await repositories.trainees.findDeviceByTokenHash(sha256(token));
    // Unknown and revoked look the same from outside: neither says whether the token ever existed.
    if (!device) throw new HttpError(401, 'unauthorized', 'The token is unknown or revoked');
    c.set('device', device);
    await next();
  });
