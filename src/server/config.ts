import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder for the embedded SQLite file when DATABASE_URL is not set. */
  dataDir: string;
  /** postgres://… selects PostgreSQL; unset means SQLite under dataDir. */
  databaseUrl: string | undefined;
  /** The built app (vite build output) served at `/`. */
  staticDir: string;
  /** The course sources; the server refuses events for lessons and sections not in them. */
  contentDir?: string | undefined;
}

/** Reads the server's configuration from environment variables, with the documented defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    staticDir: resolve(env.STATIC_DIR ?? 'dist'),
    contentDir: resolve(env.CONTENT_DIR ?? 'content'),
  };
}
