import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JwsSigner } from '../../shared/completion/jws.ts';
import type { PublicJwk } from '../../shared/completion/public-keys.ts';
import { createKeyFile, type KeyFile, readKeyFile, replaceKeyFile, rotated, SigningKeyError } from './key-file.ts';

/** The server's signing keys as they are in the key file now. */
export interface SigningKeys {
  /** Signs new records: the first key of the file. */
  signer(): JwsSigner;
  /** Every key to publish at GET /api/v1/keys, the current one first. */
  published(): PublicJwk[];
}

interface LoadedKeys {
  signer: JwsSigner;
  published: PublicJwk[];
}

/**
 * Opens the key file, making it first when `create` is set (the default file under DATA_DIR;
 * a file named by SIGNING_KEY_FILE must exist), and reads it again whenever it changes: a key
 * rotated by the admin command reaches every running process on its next signature, without a
 * restart. A file that breaks later (half copied by hand) leaves the last good keys in use.
 */
export function openSigningKeys(file: string, { create, now = () => new Date() }: { create: boolean; now?: () => Date }): SigningKeys {
  if (create && versionOf(file) === 'missing') {
    mkdirSync(dirname(file), { recursive: true });
    createKeyFile(file, now());
  }
  let read = { version: versionOf(file), keys: load(readKeyFile(file)) };
  const current = () => {
    const version = versionOf(file);
    if (version !== read.version) {
      try {
        read = { version, keys: load(readKeyFile(file)) };
      } catch {
        // Keep signing with the last good keys; the next use looks again.
      }
    }
    return read.keys;
  };
  return { signer: () => current().signer, published: () => current().published };
}

/** Rotates the key file: a new signing key, the old ones kept public. Returns the new and the retired kid. */
export function rotateSigningKey(file: string, now: Date): { current: string; retired: string } {
  const before = readKeyFile(file);
  const after = rotated(before, now);
  replaceKeyFile(file, after);
  return { current: after.keys[0]!.kid, retired: before.keys[0]!.kid };
}

/** The public keys of a key file, for checking a record outside the server (admin verify). */
export function publishedKeysIn(file: string): PublicJwk[] {
  return load(readKeyFile(file)).published;
}

function load(file: KeyFile): LoadedKeys {
  const [first] = file.keys;
  const { kid, kty, crv, x, d } = first!;
  let privateKey;
  try {
    privateKey = createPrivateKey({ key: { kty, crv, x, d: d! }, format: 'jwk' });
  } catch (e) {
    throw new SigningKeyError(`The signing key ${kid} cannot be loaded: ${(e as Error).message}`);
  }
  // A private part that does not belong to the published key would sign records nobody can verify.
  if (createPublicKey(privateKey).export({ format: 'jwk' }).x !== x) {
    throw new SigningKeyError(`The signing key ${kid}: its private part "d" does not match its public key "x"`);
  }
  return {
    signer: { kid, sign: (data) => sign(null, data, privateKey) },
    published: file.keys.map(({ kid, kty, crv, x }) => ({ kid, kty, crv, x })),
  };
}

// Size as well as time: two writes within one tick of the file system's clock share an mtime.
function versionOf(file: string): string {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : 'missing';
}
