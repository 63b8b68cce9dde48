/*
 * Base64url (RFC 4648 §5, no padding) and UTF-8, written out because this folder runs on the
 * phone and the server alike and may use neither TextEncoder nor Buffer (no DOM, no Node here).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((ch, i) => [ch, i]));

/** The bytes as unpadded base64url. */
export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/**
 * The bytes of an unpadded base64url text, or undefined when it is not one. Only the canonical
 * spelling is accepted: the last letter of a segment carries bits that decoding drops, so a
 * lenient decoder reads several texts as the same bytes, and a signature with one letter changed
 * would still verify.
 */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const ch of text) {
    const value = VALUE.get(ch);
    if (value === undefined) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
    buffer &= (1 << bits) - 1;
  }
  // Whatever is left over must be zero bits, or the text is not the canonical spelling.
  return buffer === 0 ? bytes : undefined;
}

/** The text as UTF-8; undefined for a lone surrogate, which has no UTF-8 form. */
export function utf8Encode(text: string): Uint8Array<ArrayBuffer> | undefined {
  let escaped: string;
  try {
    escaped = encodeURIComponent(text);
  } catch {
    return undefined;
  }
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '%') {
      bytes.push(parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(escaped.charCodeAt(i));
    }
  }
  return Uint8Array.from(bytes);
}

/** The UTF-8 bytes as text; undefined when they are not well-formed UTF-8. */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  let escaped = '';
  for (const b of bytes) escaped += `%${b.toString(16).padStart(2, '0')}`;
  try {
    return decodeURIComponent(escaped);
  } catch {
    return undefined;
  }
}
