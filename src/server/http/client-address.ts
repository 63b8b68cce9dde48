import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for the attempt limits: the socket's peer, or, behind
 * `trustedProxies` reverse proxies (TRUST_PROXY), the address the outermost of them saw, which
 * each proxy appends to X-Forwarded-For. Entries further left are whatever the client wrote, so
 * they are never trusted.
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const seen = forwarded[forwarded.length - trustedProxies];
    if (seen) return seen.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in a test: no socket
  }
}
