import type { Catalogue } from '../shared/catalogue.ts';
import { configFromEnv } from './config.ts';
import { startServer } from './server.ts';

// The lead wires the course catalogue (built from content/) in here.
const catalogue: Catalogue | undefined = undefined;

const config = configFromEnv();
const server = await startServer(config, { catalogue });
console.log(`eGov Learn is serving on ${server.url} (database: ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
