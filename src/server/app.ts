import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Catalogue } from '../shared/catalogue.ts';
import type { OfficeCourse } from '../shared/office-course.ts';
import { type AttemptLimitOptions, AttemptLimits, DEFAULT_ATTEMPT_LIMITS } from './auth/attempt-limits.ts';
import type { AuthDeps } from './auth/authenticate.ts';
import { bearerToken } from './auth/bearer-token.ts';
import { sha256 } from './auth/secrets.ts';
import { type CurrentCatalogue, indexCatalogue } from './course/catalogue-index.ts';
import type { Database } from './db/database.ts';
import { bodySizeLimit } from './http/body-size-limit.ts';
import { clientAddress } from './http/client-address.ts';
import { onError, onNotFound } from './http/error-handler.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions, rateLimit } from './http/rate-limit.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountStaticApp } from './http/static-app.ts';
import { repositoriesOf } from './repositories/repositories.ts';
import { type CurrentOfficeCourse } from './course/office-course-file.ts';
import { enrolRoutes } from './routes/enrol.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { officeRoutes } from './routes/office/index.ts';
import { DEFAULT_OFFICE_LIMITS, type OfficeAttemptRules } from './routes/office/office-deps.ts';
import { syncRoutes } from './routes/sync.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { type CertificateDeps, issueAfterSync } from './services/certificate-service.ts';
import { DEFAULT_STORAGE_BUDGET_BYTES } from './services/sync-service.ts';
import type { SigningKeys } from './signing/signing-keys.ts';

export interface AppDeps {
  database: Database;
  /** The course's lessons, sections, questions and options: fixed, or the build's file as it is now. */
  catalogue: Catalogue | CurrentCatalogue;
  /** The keys that sign completion records (signing/signing-keys.ts). */
  signingKeys: SigningKeys;
  /** The built PWA; omitted in API-only tests and in `npm run dev` (Vite serves the app). */
  staticDir?: string | undefined;
  /** Requests per device token; tests make it small to trip it quickly. */
  rateLimit?: RateLimitOptions | undefined;
  /** Failed enrolments and authentications per address and in all (DEFAULT_ATTEMPT_LIMITS). */
  attemptLimits?: AttemptLimitOptions | undefined;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed (TRUST_PROXY). */
  trustedProxies?: number | undefined;
  /** Payload bytes one trainee may store (DEFAULT_STORAGE_BUDGET_BYTES). */
  storageBudgetBytes?: number | undefined;
  /** The server's clock, in epoch milliseconds. */
  now?: (() => number) | undefined;
  /** Events per pull page; SYNC_PULL_LIMIT unless a test wants short pages. */
  pullLimit?: number | undefined;
  /** The course's titles, prompts and answer key for the office (the build's office-course.json); ids only without it. */
  officeCourse?: OfficeCourse | CurrentOfficeCourse | undefined;
  /** Failed office sign-ins per address and per account (DEFAULT_OFFICE_LIMITS). */
  officeAttemptLimits?: OfficeAttemptRules | undefined;
  /** PUBLIC_URL: the address officers use (setup links, and the Origin check behind a proxy). */
  publicUrl?: string | undefined;
}

/** Builds the HTTP app without listening, so tests can call `app.request()` directly. */
export function createApp(deps: AppDeps) {
  const { database, catalogue, staticDir, now = Date.now, pullLimit } = deps;
  const repositories = repositoriesOf(database);
  const fixed = typeof catalogue === 'function' ? undefined : indexCatalogue(catalogue);
  const currentCatalogue: CurrentCatalogue = fixed ? () => fixed : (catalogue as CurrentCatalogue);
  const limiter = new RateLimiter(deps.rateLimit ?? DEFAULT_RATE_LIMIT, now);
  const auth: AuthDeps = {
    repositories,
    limits: new AttemptLimits(repositories.attempts, deps.attemptLimits ?? DEFAULT_ATTEMPT_LIMITS, now),
    addressOf: (c) => clientAddress(c, deps.trustedProxies ?? 0),
  };
  const storageBudgetBytes = deps.storageBudgetBytes ?? DEFAULT_STORAGE_BUDGET_BYTES;
  const certificates: CertificateDeps = { repositories, catalogue: currentCatalogue, keys: deps.signingKeys, now };

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
  api.route('/', enrolRoutes(auth, now));
  api.route('/', syncRoutes(auth, {
    repositories,
    catalogue: currentCatalogue,
    now,
    pullLimit,
    storageBudgetBytes,
    afterStore: (trainee, stored) => issueAfterSync(certificates, trainee, stored),
  }));
  api.route('/', meRoutes(auth));
  api.route('/', certificateRoutes(auth, certificates));
  const officeCourse = deps.officeCourse;
  api.route('/v1/office', officeRoutes({
    repositories,
    limits: new AttemptLimits(repositories.attempts, deps.officeAttemptLimits ?? DEFAULT_OFFICE_LIMITS, now),
    addressOf: auth.addressOf,
    now,
    trustedProxies: deps.trustedProxies ?? 0,
    publicUrl: deps.publicUrl,
    catalogue: currentCatalogue,
    officeCourse: typeof officeCourse === 'function' ? officeCourse : () => officeCourse,
  }));
  api.notFound(onNotFound);
  app.route('/api', api);

  if (staticDir) mountStaticApp(app, staticDir);
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
