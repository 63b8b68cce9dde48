import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { OFFICE_COURSE_FILE } from '../shared/office-course.ts';
import type { Catalogue } from '../shared/catalogue.ts';
import { type AppDeps, createApp } from './app.ts';
import { catalogueFileOf, type ServerConfig, signingKeyFileOf } from './config.ts';
import { watchCatalogueFile } from './course/catalogue-file.ts';
import { watchOfficeCourseFile } from './course/office-course-file.ts';
import { type Database, openDatabase } from './db/database.ts';
import { repositoriesOf } from './repositories/repositories.ts';
import { buildPendingRollups } from './services/rollup-service.ts';
import { answerClientErrorsAsJson, DEFAULT_TIMEOUTS, nodeServerOptions, type ServerTimeouts } from './http/node-server-limits.ts';
import { warnOfUnpublishedKeys } from './signing/key-agreement.ts';
import { openSigningKeys } from './signing/signing-keys.ts';

export interface RunningServer {
  url: string;
  /** The open database, for the admin tools and tests that look inside. */
  database: Database;
  close(): Promise<void>;
}

export interface ServerOptions extends Pick<AppDeps, 'rateLimit' | 'attemptLimits' | 'now' | 'pullLimit' | 'officeCourse' | 'officeAttemptLimits'> {
  /** The course catalogue; by default the build's, read from `config.catalogueFile`. */
  catalogue?: Catalogue | undefined;
  /** Node's connection timeouts (DEFAULT_TIMEOUTS); tests shorten them. */
  timeouts?: ServerTimeouts | undefined;
}

/** Opens the database (migrating it), builds the app and listens; close() drains both. */
export async function startServer(config: ServerConfig, options: ServerOptions = {}): Promise<RunningServer> {
  // Read before the database opens: without a course the server should stop, not half-start.
  const catalogue = options.catalogue ?? watchCatalogueFile(catalogueFileOf(config));
  const { file: keyFile, create } = signingKeyFileOf(config);
  const signingKeys = openSigningKeys(keyFile, { create });
  const database = await openDatabase(config);
  await warnOfUnpublishedKeys(database, signingKeys, keyFile);
  // Rollups a migration left to build need the course: built once, before the first request.
  await buildPendingRollups(repositoriesOf(database), typeof catalogue === 'function' ? catalogue().catalogue : catalogue);
  const app = createApp({
    ...options,
    database,
    catalogue,
    signingKeys,
    staticDir: config.staticDir,
    trustedProxies: config.trustedProxies,
    storageBudgetBytes: config.storageBudgetBytes,
    rateLimit: options.rateLimit ?? config.tokenRateLimit,
    publicUrl: config.publicUrl,
    // Beside the catalogue: the build writes both into its output folder.
    officeCourse: options.officeCourse ?? watchOfficeCourseFile(join(dirname(catalogueFileOf(config)), OFFICE_COURSE_FILE)),
  });
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    serverOptions: nodeServerOptions(options.timeouts ?? DEFAULT_TIMEOUTS),
  }) as Server;
  answerClientErrorsAsJson(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    database,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open for minutes.
        server.closeAllConnections();
      }).then(() => database.close()),
  };
}
