import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Database } from './db/database.ts';
import { onError, onNotFound } from './http/error-handler.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountStaticApp } from './http/static-app.ts';
import { healthRoutes } from './routes/health.ts';

export interface AppDeps {
  database: Database;
  /** The built PWA; omitted in API-only tests and in `npm run dev` (Vite serves the app). */
  staticDir?: string | undefined;
}

/** Builds the HTTP app without listening, so tests can call `app.request()` directly. */
export function createApp({ database, staticDir }: AppDeps) {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', compress());

  const api = new Hono();
  api.route('/', healthRoutes(database));
  api.notFound(onNotFound);
  app.route('/api', api);

  if (staticDir) mountStaticApp(app, staticDir);
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
