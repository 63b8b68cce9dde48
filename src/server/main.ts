import { configFromEnv } from './config.ts';
import { CatalogueFileError } from './course/catalogue-file.ts';
import { startServer } from './server.ts';
import { SigningKeyError } from './signing/key-file.ts';

const config = configFromEnv();
const server = await startServer(config).catch((e: unknown) => {
  if (!(e instanceof CatalogueFileError || e instanceof SigningKeyError)) throw e;
  console.error(e.message);
  process.exit(1);
});
console.log(`eGov Learn is serving on ${server.url} (database: ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
