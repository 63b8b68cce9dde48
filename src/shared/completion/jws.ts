import * as z from 'zod/mini';
import { fromBase64url, toBase64url, utf8Decode, utf8Encode } from './base64url.ts';

/*
 * Compact JWS (RFC 7515) with EdDSA over Ed25519 (RFC 8037): three base64url segments,
 * header.payload.signature, where the signature covers the ASCII of "header.payload". Only the
 * header this app writes is read back: a JWS naming another algorithm, type or any other
 * parameter (`crit`, `jwk`, `x5u`, which would let the token choose its own key) is refused.
 */

/** The `typ` of a completion record: explicit typing keeps it apart from any other JWT (RFC 8725 §3.11). */
export const COMPLETION_JWS_TYPE = 'completion+jwt';

export const jwsHeaderSchema = z.object({
  alg: z.literal('EdDSA'),
  typ: z.literal(COMPLETION_JWS_TYPE),
  kid: z.string().check(z.minLength(1), z.maxLength(64)),
});
export type JwsHeader = z.infer<typeof jwsHeaderSchema>;

/** A longer text is no record of ours; refusing it early bounds the work a pasted link can cause. */
export const MAX_JWS_LENGTH = 8192;

// Three base64url segments and nothing else: the signing input is then plain ASCII, one byte a letter.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A compact JWS taken apart, before its signature is checked: nothing in it is trusted yet. */
export interface JwsParts {
  header: JwsHeader;
  /** The bytes the signature covers: the ASCII of "header.payload". */
  signingInput: Uint8Array<ArrayBuffer>;
  payloadSegment: string;
  /** Undefined when the segment is not a canonical 64-byte base64url signature. */
  signature: Uint8Array<ArrayBuffer> | undefined;
}

/** Signs with the server's current key; `kid` names it in the header. */
export interface JwsSigner {
  kid: string;
  sign(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> | Uint8Array;
}

/** The compact JWS of `payload` (any JSON value), signed by `signer`. */
export async function encodeJws(payload: unknown, signer: JwsSigner): Promise<string> {
  const header: JwsHeader = { alg: 'EdDSA', typ: COMPLETION_JWS_TYPE, kid: signer.kid };
  const input = `${jsonSegment(header)}.${jsonSegment(payload)}`;
  const signature = await signer.sign(ascii(input));
  return `${input}.${toBase64url(signature)}`;
}

/** The JWS's parts, or undefined when it is not a compact JWS with our header. */
export function splitJws(jws: string): JwsParts | undefined {
  if (jws.length > MAX_JWS_LENGTH || !COMPACT_JWS.test(jws)) return undefined;
  const [headerSegment, payloadSegment, signatureSegment] = jws.split('.') as [string, string, string];
  const json = readJsonSegment(headerSegment);
  const header = jwsHeaderSchema.safeParse(json);
  // These three parameters and no other (a strict object, checked by hand: z.strictObject would
  // add to the zod code every lesson screen downloads).
  if (!header.success || Object.keys(json as object).length !== 3) return undefined;
  const signature = fromBase64url(signatureSegment);
  return {
    header: header.data,
    signingInput: ascii(`${headerSegment}.${payloadSegment}`),
    payloadSegment,
    signature: signature?.length === 64 ? signature : undefined,
  };
}

/** A segment's JSON value; undefined when it is not canonical base64url of UTF-8 JSON. */
export function readJsonSegment(segment: string): unknown {
  const bytes = fromBase64url(segment);
  const text = bytes && utf8Decode(bytes);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function jsonSegment(value: unknown): string {
  const bytes = utf8Encode(JSON.stringify(value));
  if (!bytes) throw new Error('the value holds text with no UTF-8 form (a lone surrogate)');
  return toBase64url(bytes);
}

// Only called on base64url text (COMPACT_JWS), so every character is one ASCII byte.
function ascii(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
