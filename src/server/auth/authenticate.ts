import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HttpError } from '../http/http-error.ts';
import { tooManyRequests } from '../http/rate-limit.ts';
import type { Repositories } from '../repositories/repositories.ts';
import type { AuthenticatedDevice } from '../repositories/trainees.ts';
import type { AttemptLimits } from './attempt-limits.ts';
import { bearerToken } from './bearer-token.ts';
import { sha256 } from './secrets.ts';

export type AuthEnv = { Variables: { device: AuthenticatedDevice } };

export interface AuthDeps {
  repositories: Repositories;
  limits: AttemptLimits;
  addressOf: (c: Context) => string;
}

/**
 * Puts the token's device in `c.var.device`, or answers 401 before the body is even read. An
 * address that has sent too many unknown tokens gets 429 until its window ends, whatever token it
 * sends next: a guess must be stopped before it is checked.
 */
export const authenticate = ({ repositories, limits, addressOf }: AuthDeps) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const address = addressOf(c);
    const blocked = limits.waitFor('auth', address);
    if (blocked) throw tooManyRequests(blocked);
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new HttpError(401, 'unauthorized', 'Send "Authorization: Bearer <token>"');
    const device = await repositories.trainees.findDeviceByTokenHash(sha256(token));
    if (!device) {
      const wait = await limits.count('auth', address);
      if (wait) throw tooManyRequests(wait);
      // Unknown and revoked look the same from outside: neither says whether the token ever existed.
      throw new HttpError(401, 'unauthorized', 'The token is unknown or revoked');
    }
    c.set('device', device);
    await next();
  });
