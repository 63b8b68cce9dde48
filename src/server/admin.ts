import { pathToFileURL } from 'node:url';
import { AdminCheckFailed } from './admin/certificate-commands.ts';
import { ADMIN_USAGE, AdminUsageError, runAdmin } from './admin/run-admin.ts';
import { catalogueFileOf, configFromEnv, signingKeyFileOf } from './config.ts';
import { CatalogueFileError, watchCatalogueFile } from './course/catalogue-file.ts';
import { openDatabase } from './db/database.ts';
import { repositoriesOf } from './repositories/repositories.ts';
import { SigningKeyError } from './signing/key-file.ts';

/** `npm run admin -- …`: the same settings (DATA_DIR, DATABASE_URL, STATIC_DIR, COURSE_CATALOGUE, SIGNING_KEY_FILE) as the server. */
async function main(args: string[]): Promise<number> {
  const config = configFromEnv();
  const database = await openDatabase(config);
  const catalogue = () => watchCatalogueFile(catalogueFileOf(config))().catalogue;
  try {
    const signingKeyFile = signingKeyFileOf(config).file;
    const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
    console.log(await runAdmin(args, { repositories: repositoriesOf(database), catalogue, signingKeyFile, publicUrl }));
    return 0;
  } catch (e) {
    if (e instanceof AdminCheckFailed || e instanceof SigningKeyError) {
      console.error(e.message);
      return e instanceof AdminCheckFailed ? 2 : 1;
    }
    if (e instanceof CatalogueFileError) {
      console.error(e.message);
      return 1;
    }
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
