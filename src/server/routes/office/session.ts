import { Hono, type MiddlewareHandler } from 'hono';
import { type SessionResponse, setupRequestSchema, signInRequestSchema } from '../../../shared/office-api.ts';
import { clearSessionCookie, type OfficeEnv, setSessionCookie } from '../../auth/officer-session.ts';
import { sha256 } from '../../auth/secrets.ts';
import { HttpError } from '../../http/http-error.ts';
import { tooManyRequests } from '../../http/rate-limit.ts';
import { parseWith, readJson } from '../../http/read-body.ts';
import { completeSetup, signIn, signOut } from '../../services/officer-service.ts';
import type { OfficeDeps } from './office-deps.ts';

/**
 * POST /session (sign in) and POST /setup (a setup link's password): the two office routes a
 * stranger may call. Every attempt counts against the address, and a sign-in against the account
 * too, before the password is checked (so parallel guesses cannot slip past the count); a
 * success gives its attempts back.
 */
export function signInRoutes(deps: OfficeDeps, origin: MiddlewareHandler) {
  const { limits, repositories, now } = deps;
  const attempt = async (counted: Array<['officeSignIn' | 'officeAccount', string]>) => {
    const wait = counted.map(([kind, key]) => limits.waitFor(kind, key)).find((w) => w > 0) ?? 0;
    if (wait) throw tooManyRequests(wait);
    const waits = await Promise.all(counted.map(([kind, key]) => limits.count(kind, key)));
    const over = waits.find((w) => w > 0);
    if (over) throw tooManyRequests(over);
    return () => Promise.all(counted.map(([kind, key]) => limits.refund(kind, key)));
  };
  return new Hono()
    .post('/session', origin, async (c) => {
      const request = parseWith(signInRequestSchema, await readJson(c));
      // The account is counted by its email's hash: the counters table holds no addresses of people.
      const refund = await attempt([['officeSignIn', deps.addressOf(c)], ['officeAccount', sha256(request.email).slice(0, 32)]]);
      const signedIn = await signIn(repositories, { ...request, now: now() });
      if (!signedIn) throw new HttpError(401, 'unauthorized', 'The email or the password is wrong');
      await refund();
      setSessionCookie(c, signedIn.session, deps.trustedProxies);
      return c.json({ officer: signedIn.officer } satisfies SessionResponse);
    })
    .post('/setup', origin, async (c) => {
      const request = parseWith(setupRequestSchema, await readJson(c));
      const refund = await attempt([['officeSignIn', deps.addressOf(c)]]);
      const done = await completeSetup(repositories, { ...request, now: now() });
      if (!done) throw new HttpError(401, 'unauthorized', 'The setup link is unknown, used or expired: ask for a new one');
      await refund();
      setSessionCookie(c, done.session, deps.trustedProxies);
      return c.json({ officer: done.officer } satisfies SessionResponse);
    });
}

/** GET /session (who is signed in) and DELETE /session (sign out), for a signed-in officer. */
export function sessionRoutes(deps: OfficeDeps) {
  return new Hono<OfficeEnv>()
    .get('/session', (c) => c.json({ officer: c.var.officer } satisfies SessionResponse))
    .delete('/session', async (c) => {
      await signOut(deps.repositories, c.var.session);
      clearSessionCookie(c, deps.trustedProxies);
      return c.body(null, 204);
    });
}
