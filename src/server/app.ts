import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Catalogue } from '../shared/catalogue.ts';
import { bearerToken } from './auth/bearer-token.ts';
import { sha256 } from './auth/secrets.ts';
import { type CurrentCatalogue, indexCatalogue } from './course/catalogue-index.ts';
import type { Database } from './db/database.ts';
import { bodySizeLimit } from './http/body-size-limit.ts';
import { onError, onNotFound } from './http/error-handler.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions, rateLimit } from './http/rate-limit.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountStaticApp } from './http/static-app.ts';
import { repositoriesOf } from './repositories/repositories.ts';
import { enrolRoutes } from './routes/enrol.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { syncRoutes } from './routes/sync.ts';

export interface AppDeps {
  database: Database;
  /** The course's lessons, sections, questions and options: fixed, or the build's file as it is now. */
  catalogue: Catalogue | CurrentCatalogue;
  /** The built PWA; omitted in API-only tests and in `npm run dev` (Vite serves the app). */
  staticDir?: string | undefined;
  /** Requests per device token; tests make it small to trip it quickly. */
  rateLimit?: RateLimitOptions | undefined;
  /** The server's clock, in epoch milliseconds. */
  now?: (() => number) | undefined;
  /** Events per pull page; SYNC_PULL_LIMIT unless a test wants short pages. */
  pullLimit?: number | undefined;
}

/** Builds the HTTP app without listening, so tests can call `app.request()` directly. */
export function createApp({ database, catalogue, staticDir, rateLimit: limits, now = Date.now, pullLimit }: AppDeps) {
  const repositories = repositoriesOf(database);
  const fixed = typeof catalogue === 'function' ? undefined : indexCatalogue(catalogue);
  const currentCatalogue: CurrentCatalogue = fixed ? () => fixed : (catalogue as CurrentCatalogue);
  const limiter = new RateLimiter(limits ?? DEFAULT_RATE_LIMIT, now);
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', compress());

  const api = new Hono();
  api.use('/v1/*', bodySizeLimit());
  // Keyed by the token's hash so the limiter never holds a usable secret.
  api.use('/v1/*', rateLimit(limiter, (header) => {
    const token = bearerToken(header);
    return token && sha256(token);
  }));
  api.route('/', healthRoutes(database));
  api.route('/', enrolRoutes(repositories, now));
  api.route('/', syncRoutes({ repositories, catalogue: currentCatalogue, now, pullLimit }));
  api.route('/', meRoutes(repositories));
  api.notFound(onNotFound);
  app.route('/api', api);

  if (staticDir) mountStaticApp(app, staticDir);
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
