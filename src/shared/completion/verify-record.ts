import { type CompletionRecord, completionRecordSchema } from './completion-record.ts';
import { encodeJws, type JwsSigner, readJsonSegment, splitJws } from './jws.ts';
import type { PublicJwk } from './public-keys.ts';

/**
 * The part of WebCrypto's SubtleCrypto that checking a record needs: `crypto.subtle` in a
 * browser and in Node both fit. Passed in, because this folder sees neither runtime's globals.
 */
export interface Ed25519Verifier<Key> {
  importKey(format: 'jwk', keyData: { kty: string; crv: string; x: string }, algorithm: { name: 'Ed25519' }, extractable: false, keyUsages: ['verify']): Promise<Key>;
  verify(algorithm: { name: 'Ed25519' }, key: Key, signature: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<boolean>;
}

/**
 * Why a record is not valid:
 * - malformed: not a completion record at all (a cut or mangled link);
 * - unknown_key: signed with a key this server does not publish;
 * - tampered: the signature does not match the content: something was changed;
 * - revoked: genuine, but the programme office has revoked it.
 */
export type InvalidReason = 'malformed' | 'unknown_key' | 'tampered' | 'revoked';

/**
 * Why a record could not be checked at all, which says nothing about the record:
 * - unsupported: this browser has no Ed25519 in WebCrypto;
 * - no_keys: the published keys could not be fetched and none are kept on this device.
 */
export type UncheckedReason = 'unsupported' | 'no_keys';

/**
 * Whether the register has revoked a genuine record: not_revoked and revoked come from the
 * server; not_checked when it could not be asked (offline); unlisted when it does not know the
 * id (a record from a restored or another database signed with a key it publishes).
 */
export type Revocation = 'not_revoked' | 'not_checked' | 'unlisted';

export type Verification =
  | { verdict: 'valid'; record: CompletionRecord; kid: string; revocation: Revocation }
  /** `record` only when the signature held (revoked): it is then genuine and may be shown. */
  | { verdict: 'invalid'; reason: InvalidReason; record?: CompletionRecord | undefined }
  | { verdict: 'unchecked'; reason: UncheckedReason };

/** Signs a record as a compact JWS; refuses (throws) a record that fails its own schema. */
export async function signCompletionRecord(record: CompletionRecord, signer: JwsSigner): Promise<string> {
  const parsed = completionRecordSchema.parse(record);
  return encodeJws(parsed, signer);
}

/**
 * Checks a record's signature against the published keys. The content is read only after the
 * signature holds, so nothing an attacker wrote is ever shown as a record. Revocation is the
 * server's to say: see withRevocation. Never throws.
 */
export async function verifyCompletionRecord<Key>(jws: string, keys: readonly PublicJwk[], subtle: Ed25519Verifier<Key>): Promise<Verification> {
  const parts = splitJws(jws.trim());
  if (!parts) return { verdict: 'invalid', reason: 'malformed' };
  const jwk = keys.find((k) => k.kid === parts.header.kid);
  if (!jwk) return { verdict: 'invalid', reason: 'unknown_key' };
  if (!parts.signature) return { verdict: 'invalid', reason: 'tampered' };
  let genuine: boolean;
  try {
    const key = await subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
    genuine = await subtle.verify({ name: 'Ed25519' }, key, parts.signature, parts.signingInput);
  } catch {
    // A browser without Ed25519 throws NotSupportedError: that is no verdict on the record.
    return { verdict: 'unchecked', reason: 'unsupported' };
  }
  if (!genuine) return { verdict: 'invalid', reason: 'tampered' };
  const record = completionRecordSchema.safeParse(readJsonSegment(parts.payloadSegment));
  if (!record.success) return { verdict: 'invalid', reason: 'malformed' };
  return { verdict: 'valid', record: record.data, kid: jwk.kid, revocation: 'not_checked' };
}

/** What the register said of the record's id: its status, none (unreachable), or that it does not list it. */
export type RegisterAnswer = { status: 'valid' | 'revoked' } | 'unreachable' | 'unlisted';

/** A signature check combined with the register's answer on revocation. */
export function withRevocation(verification: Verification, answer: RegisterAnswer): Verification {
  if (verification.verdict !== 'valid') return verification;
  if (answer === 'unreachable') return { ...verification, revocation: 'not_checked' };
  if (answer === 'unlisted') return { ...verification, revocation: 'unlisted' };
  if (answer.status === 'revoked') return { verdict: 'invalid', reason: 'revoked', record: verification.record };
  return { ...verification, revocation: 'not_revoked' };
}

/**
 * The record a JWS claims to carry, without checking anything: for the trainee's own phone,
 * which got it from its server over its own authenticated connection. Never for a verdict.
 */
export function readCompletionRecord(jws: string): CompletionRecord | undefined {
  const parts = splitJws(jws.trim());
  if (!parts) return undefined;
  const record = completionRecordSchema.safeParse(readJsonSegment(parts.payloadSegment));
  return record.success ? record.data : undefined;
}
