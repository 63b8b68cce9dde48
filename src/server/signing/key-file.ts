import { createHash, generateKeyPairSync } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod/mini';
import { publicJwkSchema } from '../../shared/completion/public-keys.ts';

/*
 * The signing key file: a JWK set of Ed25519 keys (RFC 8037). The first key holds its private
 * part `d` and signs new records; the keys after it are retired ones kept public only, so
 * records they signed still verify. Rotation writes a new first key and drops the old one's `d`:
 * a copy of the file taken later cannot sign as the old key.
 */

const storedKeySchema = z.extend(publicJwkSchema, {
  d: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'expected a 32-byte private key in base64url'))),
  created: z.iso.datetime(),
  retired: z.optional(z.iso.datetime()),
});
type StoredKey = z.infer<typeof storedKeySchema>;

const keyFileSchema = z.object({ keys: z.array(storedKeySchema).check(z.minLength(1)) }).check(
  z.refine((f) => f.keys[0]?.d !== undefined && f.keys.slice(1).every((k) => k.d === undefined), {
    message: 'the first key, and only it, must hold its private part "d"',
  }),
  z.refine((f) => new Set(f.keys.map((k) => k.kid)).size === f.keys.length, { message: 'two keys share a kid' }),
);
export type KeyFile = z.infer<typeof keyFileSchema>;

/** The key file is missing, unreadable or not a key file: the server cannot sign records. */
export class SigningKeyError extends Error {}

/** A new Ed25519 key, its kid the start of its RFC 7638 thumbprint. */
export function newKey(now: Date): StoredKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const { x, d } = privateKey.export({ format: 'jwk' });
  return { kid: kidOf(x!), kty: 'OKP', crv: 'Ed25519', x: x!, d: d!, created: now.toISOString() };
}

/** The JWK thumbprint (RFC 7638) of an Ed25519 key, first 16 letters: short in a QR code, unique among a server's keys. */
function kidOf(x: string): string {
  const canonical = JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x });
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function readKeyFile(file: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SigningKeyError(`Cannot read the signing key file ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SigningKeyError(`${file} is not JSON: it should be the signing key file the server or "npm run admin -- rotate-signing-key" wrote`);
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new SigningKeyError(`${file} is not a signing key file: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`);
  return parsed.data;
}

/**
 * Writes a new key file unless one exists, atomically: several processes starting at once over
 * one folder all end up with the same key, whichever wrote it. Returns false when it existed.
 */
export function createKeyFile(file: string, now: Date): boolean {
  const temporary = temporaryBeside(file);
  writeFileSync(temporary, serialise({ keys: [newKey(now)] }), { mode: 0o600, flag: 'wx' });
  try {
    // link() refuses to replace an existing file, so exactly one process's key becomes the file.
    linkSync(temporary, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Replaces the key file in one step (rename), so a process re-reading it never sees half. */
export function replaceKeyFile(file: string, keys: KeyFile): void {
  const temporary = temporaryBeside(file);
  writeFileSync(temporary, serialise(keys), { mode: 0o600, flag: 'wx' });
  renameSync(temporary, file);
}

/** The file with a new first key; the old first key keeps only its public part, marked retired. */
export function rotated(keys: KeyFile, now: Date): KeyFile {
  const [current, ...older] = keys.keys;
  const { d: _, ...retired } = current!;
  return { keys: [newKey(now), { ...retired, retired: now.toISOString() }, ...older] };
}

const serialise = (keys: KeyFile) => `${JSON.stringify(keys, null, 2)}\n`;
const temporaryBeside = (file: string) => join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
