import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt (RFC 7914) from node:crypto: N = 2^15, r = 8, p = 1, a 16-byte random salt and a
 * 32-byte key. That costs 32 MiB and about 100 ms per try on the server's cores, which an
 * attacker holding a copy of the database pays for every guess too; sign-in attempts are also
 * limited per address and per account (routes/office/session.ts). Stored as
 * `scrypt$N$r$p$<salt base64>$<key base64>`, so the parameters can rise for new passwords
 * while old hashes keep verifying with their own.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // Asynchronous: the work runs on libuv's pool, so other requests are served meanwhile.
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem: 256 * params.N * params.r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The stored form of a new password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches the stored hash, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash no password matches, verified when the email is unknown: the reply then takes as long as
 * for a known officer, so timing does not tell which emails have accounts.
 */
export const UNKNOWN_ACCOUNT_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_BYTES).toString('base64')}`;
