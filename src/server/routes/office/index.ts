import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type OfficeEnv, requireOfficer } from '../../auth/officer-session.ts';
import { sameOrigin } from '../../http/same-origin.ts';
import { dashboardRoutes } from './dashboard.ts';
import { listRoutes } from './lists.ts';
import type { OfficeDeps } from './office-deps.ts';
import { sessionRoutes, signInRoutes } from './session.ts';
import { traineeRoutes } from './trainees.ts';

// Nothing the office reads (trainees' names, codes) may stay in a cache along the way.
const noStore = createMiddleware(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});

/**
 * /api/v1/office: the programme office's API. In this order, for every request:
 * 1. no-store on every answer;
 * 2. signing in and setting a password: a same-site Origin, then the body;
 * 3. everything else: a valid session (401 for a stranger, whatever the path), then a
 *    same-site Origin for a request that changes something (403), then the route, which checks
 *    the officer's unit against the trainee or the list it touches (403) and parses the body (400).
 */
export function officeRoutes(deps: OfficeDeps) {
  const origin = sameOrigin(deps.trustedProxies, deps.publicUrl);
  // Registered first, these answer without a session; everything registered after needs one.
  return new Hono<OfficeEnv>()
    .use('*', noStore)
    .route('/', signInRoutes(deps, origin))
    .use('*', requireOfficer(deps.repositories, deps.now))
    .use('*', origin)
    .route('/', sessionRoutes(deps))
    .route('/', dashboardRoutes(deps))
    .route('/', traineeRoutes(deps))
    .route('/', listRoutes(deps));
}
