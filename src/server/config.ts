import { join, resolve } from 'node:path';
import { CATALOGUE_FILE } from '../shared/catalogue.ts';
import type { RateLimitOptions } from './http/rate-limit.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder for the embedded SQLite file when DATABASE_URL is not set. */
  dataDir: string;
  /** postgres://… selects PostgreSQL; unset means SQLite under dataDir. */
  databaseUrl: string | undefined;
  /** The built app (vite build output) served at `/`. */
  staticDir: string;
  /** The course's ids as the build wrote them; by default CATALOGUE_FILE in staticDir. */
  catalogueFile?: string | undefined;
  /** Reverse proxies in front whose X-Forwarded-For entries give the client's address; 0 trusts none. */
  trustedProxies?: number | undefined;
  /** Payload bytes one trainee may store in all. */
  storageBudgetBytes?: number | undefined;
  /** Requests per device token, per server process. */
  tokenRateLimit?: RateLimitOptions | undefined;
  /**
   * The completion records' signing key file (SIGNING_KEY_FILE), which must exist; unset means
   * DEFAULT_SIGNING_KEY_FILE in dataDir, made at first start.
   */
  signingKeyFile?: string | undefined;
  /** The address people use to reach the server (PUBLIC_URL), e.g. https://hoc.example.gov.vn: officers' setup links. */
  publicUrl?: string | undefined;
}

/** Reads the server's configuration from environment variables, with the documented defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  const staticDir = resolve(env.STATIC_DIR ?? 'dist');
  const trustedProxies = wholeNumber(env, 'TRUST_PROXY', 0);
  const budgetMb = wholeNumber(env, 'STORAGE_BUDGET_MB', 20);
  const burst = wholeNumber(env, 'TOKEN_RATE_BURST', 60);
  const perSecond = Number(env.TOKEN_RATE_PER_SECOND ?? 1);
  if (!(perSecond > 0)) throw new Error(`TOKEN_RATE_PER_SECOND must be a number above 0, not "${env.TOKEN_RATE_PER_SECOND}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    staticDir,
    catalogueFile: env.COURSE_CATALOGUE ? resolve(env.COURSE_CATALOGUE) : undefined,
    trustedProxies,
    storageBudgetBytes: budgetMb * 1024 * 1024,
    tokenRateLimit: { capacity: burst, refillPerSecond: perSecond },
    signingKeyFile: env.SIGNING_KEY_FILE ? resolve(env.SIGNING_KEY_FILE) : undefined,
    publicUrl: publicUrlOf(env.PUBLIC_URL),
  };
}

function publicUrlOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`PUBLIC_URL must be an http(s) address such as https://hoc.example.gov.vn, not "${value}"`);
  return url.origin;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${env[name]}"`);
  return value;
}

/** The catalogue file a server with this configuration reads. */
export const catalogueFileOf = (config: Pick<ServerConfig, 'staticDir' | 'catalogueFile'>): string =>
  config.catalogueFile ?? join(config.staticDir, CATALOGUE_FILE);

/** The signing key file's name in DATA_DIR when SIGNING_KEY_FILE is not set. */
export const DEFAULT_SIGNING_KEY_FILE = 'signing-keys.json';

/** The signing key file a server with this configuration uses, and whether it may make it. */
export const signingKeyFileOf = (config: Pick<ServerConfig, 'dataDir' | 'signingKeyFile'>): { file: string; create: boolean } =>
  config.signingKeyFile ? { file: config.signingKeyFile, create: false } : { file: join(config.dataDir, DEFAULT_SIGNING_KEY_FILE), create: true };
