import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Hex SHA-256: what the database keeps instead of a token or an enrolment code. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A device token: 256 random bits, URL-safe. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

// No 0/O, 1/I/L: a code read aloud or copied from paper cannot be mistyped into another.
export const ENROLMENT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const ENROLMENT_CODE_LENGTH = 10;

/** A one-time enrolment code, shown as "ABCDE-FGHJK" (~49 bits; the dash is ignored on input). */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) code += ENROLMENT_CODE_ALPHABET[randomInt(ENROLMENT_CODE_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A trainee id short enough to type in `admin revoke`, e.g. "tr-7kq2m9xh". */
export function newTraineeId(): string {
  const alphabet = ENROLMENT_CODE_ALPHABET.toLowerCase();
  let id = 'tr-';
  for (let i = 0; i < 8; i++) id += alphabet[randomInt(alphabet.length)];
  return id;
}

/** A random id for the office's rows, e.g. "co-7kq2m9xh" for a cohort, "of-…" for an officer. */
export function newOfficeId(prefix: 'co' | 'of' | 'pl'): string {
  return newTraineeId().replace(/^tr/, prefix);
}
