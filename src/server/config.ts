import { join, resolve } from 'node:path';
import { CATALOGUE_FILE } from '../shared/catalogue.ts';

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
}

/** Reads the server's configuration from environment variables, with the documented defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  const staticDir = resolve(env.STATIC_DIR ?? 'dist');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    staticDir,
    catalogueFile: env.COURSE_CATALOGUE ? resolve(env.COURSE_CATALOGUE) : undefined,
  };
}

/** The catalogue file a server with this configuration reads. */
export const catalogueFileOf = (config: Pick<ServerConfig, 'staticDir' | 'catalogueFile'>): string =>
  config.catalogueFile ?? join(config.staticDir, CATALOGUE_FILE);
