import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { webcrypto } from 'node:crypto';
import { COURSE_ID } from '../../shared/completion/completion-record.ts';
import { verifyCompletionRecord, withRevocation, type Verification } from '../../shared/completion/verify-record.ts';
import type { StoredCertificate } from '../repositories/certificates.ts';
import type { Repositories } from '../repositories/repositories.ts';
import { createKeyFile } from '../signing/key-file.ts';
import { publishedKeysIn, rotateSigningKey } from '../signing/signing-keys.ts';
import { printable } from './printable.ts';

/** A check the command line ran came out negative (an invalid record): printed, exit code 2. */
export class AdminCheckFailed extends Error {}

/** `certificates`: every issued record, one to a line, oldest first. */
export async function listCertificates(repositories: Repositories): Promise<string> {
  const all = await repositories.certificates.list();
  if (all.length === 0) return 'No completion records issued yet.';
  return all.map(certificateLine).join('\n');
}

/** `revoke-certificate <id> --reason …`: the record then verifies as revoked wherever the register can be asked. */
export async function revokeCertificate(repositories: Repositories, id: string, reason: string, now: Date): Promise<string> {
  const outcome = await repositories.certificates.revoke(id, reason, now.toISOString());
  const certificate = await repositories.certificates.byId(id);
  if (outcome === 'unknown' || !certificate) return `No record ${printable(id)}: "certificates" lists the ids.`;
  const whose = `${printable(certificate.name)} (${printable(certificate.unit)})`;
  if (outcome === 'already') return `${id} of ${whose} was already revoked on ${certificate.revokedAt}; its first reason stays.`;
  return [
    `Revoked ${id} of ${whose}.`,
    'A check online now says "revoked"; a check offline cannot know, and says revocation was not checked.',
    'The trainee keeps the course complete but gets no new record: a record is issued once per trainee.',
  ].join('\n');
}

/**
 * `verify <file|string>`: checks a record as the verify page does, against the keys in the key
 * file and the register's revocations. Takes the JWS itself, a file holding it, or the QR code's
 * /verify#… link. Throws AdminCheckFailed unless the record is valid.
 */
export async function verifyFromCommandLine(repositories: Repositories, argument: string, keyFile: string): Promise<string> {
  const text = (isFile(argument) ? readFileSync(argument, 'utf8') : argument).trim();
  const jws = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
  const checked = await verifyCompletionRecord(jws, publishedKeysIn(keyFile), webcrypto.subtle);
  let result: Verification = checked;
  if (checked.verdict === 'valid') {
    const stored = await repositories.certificates.byId(checked.record.jti);
    result = withRevocation(checked, stored ? { status: stored.revokedAt ? 'revoked' : 'valid' } : 'unlisted');
  }
  if (result.verdict === 'valid') {
    const r = result.record;
    const revocation = result.revocation === 'unlisted' ? 'NOT in this register (another database signed with the same key?)' : 'not revoked';
    return [
      `VALID: ${printable(r.name)} · ${printable(r.unit)}`,
      `  course ${printable(r.course)}, content ${printable(r.version)}, completed ${r.completed}`,
      `  record ${r.jti}, trainee ${printable(r.sub)}, signed with key ${result.kid}, ${revocation}`,
    ].join('\n');
  }
  if (result.verdict === 'unchecked') throw new AdminCheckFailed(`NOT CHECKED: ${result.reason}`);
  const whose = result.record ? ` (${printable(result.record.name)} · ${printable(result.record.unit)}, record ${result.record.jti})` : '';
  throw new AdminCheckFailed(`INVALID: ${result.reason}${whose}: ${invalidReasons[result.reason]}`);
}

const invalidReasons = {
  malformed: 'this is not a completion record (a cut or mangled text)',
  unknown_key: 'it names a signing key this server does not publish',
  tampered: 'its signature does not match its content: it was changed after signing',
  revoked: 'the programme office revoked it',
} as const;

/** `rotate-signing-key`: a new key signs from now on; the old ones stay published. Makes the file if there is none. */
export function rotateKeys(keyFile: string, now: Date): string {
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    if (createKeyFile(keyFile, now)) {
      return `Created ${keyFile} with a new signing key. Keep it secret and backed up; every server process must read this same file.`;
    }
  }
  const { current, retired } = rotateSigningKey(keyFile, now);
  return [
    `New signing key ${current} in ${keyFile}; ${retired} is retired: its private part is removed, its public key stays published.`,
    'Running servers pick the new key up on their next signature. Records signed before still verify.',
  ].join('\n');
}

/** For `report`: who holds a record, as "certificate ce-… of 2026-12-03" on the trainee's line. */
export async function certificatesByTrainee(repositories: Repositories): Promise<Map<string, StoredCertificate>> {
  const all = await repositories.certificates.list();
  return new Map(all.filter((c) => c.courseId === COURSE_ID).map((c) => [c.traineeId, c]));
}

export const certificateNote = (c: StoredCertificate): string => `certificate ${c.id} of ${c.completedOn}${c.revokedAt ? ` REVOKED ${c.revokedAt}` : ''}`;

function certificateLine(c: StoredCertificate): string {
  return [
    c.id,
    c.traineeId,
    printable(c.name),
    printable(c.unit),
    `completed ${c.completedOn}`,
    `content ${printable(c.contentVersion)}`,
    `key ${c.kid}`,
    ...(c.revokedAt ? [`REVOKED ${c.revokedAt}: ${printable(c.revokeReason ?? '')}`] : []),
  ].join('  ');
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // a record is longer than any file name (ENAMETOOLONG)
  }
}
