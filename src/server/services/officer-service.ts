import type { Officer } from '../../shared/office-api.ts';
import { hashPassword, UNKNOWN_ACCOUNT_HASH, verifyPassword } from '../auth/passwords.ts';
import { newDeviceToken, newOfficeId, sha256 } from '../auth/secrets.ts';
import type { Repositories } from '../repositories/repositories.ts';

/** A setup link works once, for a day: long enough to open an email, short enough to go stale. */
export const SETUP_LINK_MS = 24 * 60 * 60 * 1000;
/** A session unused this long is over: a shared office computer left signed in does not stay so. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request would cost a write per page; a minute's slack is harmless.
const TOUCH_AFTER_MS = 60 * 1000;

const iso = (ms: number) => new Date(ms).toISOString();

/** A one-time link's token for the officer; only its hash is stored. */
async function issueSetupLink(repositories: Repositories, officerId: string, now: number) {
  const token = newDeviceToken();
  const expiresAt = iso(now + SETUP_LINK_MS);
  await repositories.officers.addSetupLink({ tokenHash: sha256(token), officerId, now: iso(now), expiresAt });
  return { token, expiresAt };
}

/** Adds an officer (no password yet) and returns a setup link's token; undefined if the email is taken. */
export async function addOfficer(repositories: Repositories, input: Omit<Officer, 'id'> & { now: number }) {
  return repositories.transaction(async (tx) => {
    if (await tx.officers.accountByEmail(input.email)) return undefined;
    const officer: Officer = { id: newOfficeId('of'), email: input.email, name: input.name, unit: input.unit };
    await tx.officers.createOfficer({ ...officer, now: iso(input.now) });
    return { officer, ...(await issueSetupLink(tx, officer.id, input.now)) };
  });
}

/** A new setup link for an existing officer (a forgotten password); undefined if unknown or disabled. */
export async function reissueSetupLink(repositories: Repositories, email: string, now: number) {
  return repositories.transaction(async (tx) => {
    const account = await tx.officers.accountByEmail(email);
    if (!account || account.disabled) return undefined;
    return { officer: account, ...(await issueSetupLink(tx, account.id, now)) };
  });
}

/**
 * POST /office/setup: the link's token and a new password, in one transaction:
 * 1. lock the link's row, so two uses of one link take turns;
 * 2. it must be unused and unexpired, and its officer not disabled;
 * 3. store the password's scrypt hash, use the link up, end the officer's other sessions (whoever
 *    knew the old password is signed out) and start this browser's session.
 * Undefined when the link does not work; nothing is stored then.
 */
export async function completeSetup(repositories: Repositories, input: { token: string; password: string; now: number }) {
  // Hashed before the transaction: 100 ms of scrypt should not hold a row lock.
  const passwordHash = await hashPassword(input.password);
  const linkHash = sha256(input.token);
  return repositories.transaction(async ({ officers }) => {
    // 1.
    const link = await officers.lockSetupLink(linkHash);
    // 2.
    if (!link || link.usedAt !== null || link.expiresAt <= iso(input.now)) return undefined;
    const account = await officers.accountById(link.officerId);
    if (!account || account.disabled) return undefined;
    // 3.
    await officers.setPassword(account.id, passwordHash);
    await officers.markSetupLinkUsed(linkHash, iso(input.now));
    await officers.endSessionsOf(account.id);
    const session = newDeviceToken();
    await officers.addSession({ tokenHash: sha256(session), officerId: account.id, now: iso(input.now) });
    const officer: Officer = { id: account.id, email: account.email, name: account.name, unit: account.unit };
    return { officer, session };
  });
}

/** A new session for the right email and password; undefined otherwise, after the same work either way. */
export async function signIn(repositories: Repositories, input: { email: string; password: string; now: number }) {
  const account = await repositories.officers.accountByEmail(input.email);
  const usable = account && !account.disabled && account.passwordHash !== null;
  const matches = await verifyPassword(input.password, usable ? account.passwordHash! : UNKNOWN_ACCOUNT_HASH);
  if (!usable || !matches) return undefined;
  // Sessions idle past the timeout can no longer be used: a sign-in tidies them away.
  await repositories.officers.forgetSessionsIdleSince(iso(input.now - SESSION_IDLE_MS));
  const session = newDeviceToken();
  await repositories.officers.addSession({ tokenHash: sha256(session), officerId: account.id, now: iso(input.now) });
  const officer: Officer = { id: account.id, email: account.email, name: account.name, unit: account.unit };
  return { officer, session };
}

/** The session's officer, unless it has been idle past SESSION_IDLE_MS (then it is ended). */
export async function officerOfSession(repositories: Repositories, session: string, now: number): Promise<Officer | undefined> {
  const tokenHash = sha256(session);
  const found = await repositories.officers.session(tokenHash);
  if (!found) return undefined;
  const idle = now - Date.parse(found.lastSeenAt);
  if (idle > SESSION_IDLE_MS) {
    await repositories.officers.endSession(tokenHash);
    return undefined;
  }
  if (idle > TOUCH_AFTER_MS) await repositories.officers.touchSession(tokenHash, iso(now));
  return found.officer;
}

export async function signOut(repositories: Repositories, session: string): Promise<void> {
  await repositories.officers.endSession(sha256(session));
}
