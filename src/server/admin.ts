import { pathToFileURL } from 'node:url';
import { ADMIN_USAGE, AdminUsageError, runAdmin } from './admin/run-admin.ts';
import { configFromEnv } from './config.ts';
import { openDatabase } from './db/database.ts';
import { repositoriesOf } from './repositories/repositories.ts';

export { runAdmin } from './admin/run-admin.ts';

/** `npm run admin -- …`: the same database settings (DATA_DIR, DATABASE_URL) as the server. */
async function main(args: string[]): Promise<number> {
  const database = await openDatabase(configFromEnv());
  try {
    console.log(await runAdmin(args, { repositories: repositoriesOf(database) }));
    return 0;
  } catch (e) {
    if (!(e instanceof AdminUsageError)) throw e;
    console.error(`${e.message}\n\n${ADMIN_USAGE}`);
    return 1;
  } finally {
    await database.close();
  }
}

// Run only as a script, so tests can import runAdmin without side effects.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
