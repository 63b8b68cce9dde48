import type { Database } from '../db/database.ts';
import { repositoriesOf } from '../repositories/repositories.ts';
import type { SigningKeys } from './signing-keys.ts';

/**
 * Warns at start when the register holds records signed with keys this process does not publish.
 * That happens when server processes over one database each made their own key file (each under
 * its own DATA_DIR): records signed by one would then fail "unknown key" against another's keys.
 * Every process must read the same key file (SIGNING_KEY_FILE on a shared path).
 */
export async function warnOfUnpublishedKeys(database: Database, keys: SigningKeys, keyFile: string): Promise<void> {
  const published = new Set(keys.published().map((k) => k.kid));
  const foreign = (await repositoriesOf(database).certificates.signingKids()).filter((kid) => !published.has(kid));
  if (foreign.length === 0) return;
  console.warn(
    `Warning: the register holds completion records signed with keys ${foreign.join(', ')}, which ${keyFile} does not hold: ` +
      'they will not verify. Every server process must read the same signing key file (SIGNING_KEY_FILE).',
  );
}
