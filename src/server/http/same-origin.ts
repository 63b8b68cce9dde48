import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HttpError } from './http-error.ts';

/** The last entry of a header a proxy appends to (X-Forwarded-Proto, X-Forwarded-Host). */
const forwarded = (c: Context, name: string) => c.req.header(name)?.split(',').at(-1)?.trim() || undefined;

/** Whether the browser reached the server over HTTPS: directly, or through a trusted proxy that says so. */
export function isHttps(c: Context, trustedProxies: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustedProxies > 0 && forwarded(c, 'x-forwarded-proto') === 'https';
}

/** The origin the browser used to reach this server, as its Origin header would name it. */
function ownOrigin(c: Context, trustedProxies: number): string {
  const url = new URL(c.req.url);
  const host = (trustedProxies > 0 && forwarded(c, 'x-forwarded-host')) || c.req.header('host') || url.host;
  return `${isHttps(c, trustedProxies) ? 'https' : 'http'}://${host}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses (403 forbidden) a state-changing request whose Origin is missing or another site's:
 * the session cookie is SameSite=Strict already, and this also stops a same-site page on another
 * port or subdomain, and any client that sends no Origin. `publicUrl` (PUBLIC_URL) is the address
 * officers use when a proxy rewrites the Host header.
 */
export const sameOrigin = (trustedProxies: number, publicUrl: string | undefined) =>
  createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const allowed = [ownOrigin(c, trustedProxies), ...(publicUrl ? [new URL(publicUrl).origin] : [])];
      if (!origin || !allowed.includes(origin)) {
        throw new HttpError(403, 'forbidden', origin ? 'Requests from another site are refused' : 'A request that changes something must say its Origin');
      }
    }
    await next();
  });
