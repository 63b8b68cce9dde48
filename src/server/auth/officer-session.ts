import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Officer } from '../../shared/office-api.ts';
import { HttpError } from '../http/http-error.ts';
import { isHttps } from '../http/same-origin.ts';
import type { Repositories } from '../repositories/repositories.ts';
import { officerOfSession } from '../services/officer-service.ts';

export type OfficeEnv = { Variables: { officer: Officer; session: string } };

export const SESSION_COOKIE = 'egov_office';
/** Sent only to the office's API: the pages themselves need no cookie, and the trainee app never gets it. */
const COOKIE_PATH = '/api/v1/office';

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Secure whenever the browser came over HTTPS, no Max-Age (it ends with the browser; the
 * server ends it after 12 idle hours). Only its SHA-256 is stored.
 */
export function setSessionCookie(c: Context, session: string, trustedProxies: number) {
  setCookie(c, SESSION_COOKIE, session, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c, trustedProxies), path: COOKIE_PATH });
}

export function clearSessionCookie(c: Context, trustedProxies: number) {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c, trustedProxies), path: COOKIE_PATH });
}

export function sessionCookie(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** Puts the signed-in officer in `c.var.officer`, or answers 401 before anything else runs. */
export const requireOfficer = (repositories: Repositories, now: () => number) =>
  createMiddleware<OfficeEnv>(async (c, next) => {
    const session = sessionCookie(c);
    const officer = session && (await officerOfSession(repositories, session, now()));
    if (!session || !officer) throw new HttpError(401, 'unauthorized', 'Sign in to the programme office first');
    c.set('officer', officer);
    c.set('session', session);
    await next();
  });
