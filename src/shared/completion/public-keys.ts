import * as z from 'zod/mini';

/**
 * The server's published signing keys: Ed25519 public keys as JWKs (RFC 8037, "OKP"), each with
 * the `kid` a record's JWS header names. Several are published at once so that a key can be
 * rotated while records signed with the older ones still verify.
 */
export const publicJwkSchema = z.object({
  kid: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a key id of letters, digits, - and _')),
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  /** The 32-byte public key, base64url. */
  x: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'expected a 32-byte key in base64url')),
});
export type PublicJwk = z.infer<typeof publicJwkSchema>;

/** GET /api/v1/keys. */
export const keySetSchema = z.object({ keys: z.array(publicJwkSchema) });
export type KeySet = z.infer<typeof keySetSchema>;

/** Where the app and its service worker find the keys; the worker keeps a copy for offline checks. */
export const KEYS_PATH = '/api/v1/keys';
