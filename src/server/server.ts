import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { openDatabase } from './db/database.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the database (migrating it), builds the app and listens; close() drains both. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const database = await openDatabase(config);
  const app = createApp({ database, staticDir: config.staticDir });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open for minutes.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }).then(() => database.close()),
  };
}
