import type { EnrolRequest, EnrolResponse, Trainee } from '../../shared/sync-api.ts';
import { enrolmentCodeSchema } from '../../shared/sync-api.ts';
import { newDeviceToken, newEnrolmentCode, newTraineeId, sha256 } from '../auth/secrets.ts';
import { HttpError } from '../http/http-error.ts';
import type { Repositories } from '../repositories/repositories.ts';

/** How long the device that used a code may redeem it again after a lost reply. */
const REDEEM_AGAIN_MS = 24 * 60 * 60 * 1000;
/** How long an unused code enrols, unless the office says otherwise (`--expires <days>`). */
export const DEFAULT_CODE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

interface CodeRequest {
  now: Date;
  /** Days the code stays usable; DEFAULT_CODE_DAYS when omitted. */
  expiresInDays?: number | undefined;
}

// Hash the normalised form, the same one enrolmentCodeSchema gives the enrol request.
const codeHashOf = (code: string) => sha256(enrolmentCodeSchema.parse(code));

/** A new one-time code for the trainee, and the row that stores its hash. */
export function newCode(traineeId: string, { now, expiresInDays = DEFAULT_CODE_DAYS }: CodeRequest) {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS).toISOString();
  return { code, row: { traineeId, codeHash: codeHashOf(code), now: now.toISOString(), expiresAt } };
}

/** Adds a trainee and returns the one-time code to hand them; only its hash is stored. */
export async function issueEnrolment(
  repositories: Repositories,
  input: { name: string; unit: string } & CodeRequest,
): Promise<{ trainee: Trainee; code: string; expiresAt: string }> {
  const { code, row } = newCode(newTraineeId(), input);
  const trainee = await repositories.transaction(async ({ trainees }) => {
    const created = await trainees.createTrainee({ id: row.traineeId, name: input.name, unit: input.unit, now: row.now });
    await trainees.addCode(row);
    return created;
  });
  return { trainee, code, expiresAt: row.expiresAt };
}

/** Another one-time code for an existing trainee's next device; undefined if unknown or revoked. */
export async function issueDeviceCode(
  repositories: Repositories,
  input: { traineeId: string } & CodeRequest,
): Promise<{ trainee: Trainee; code: string; expiresAt: string } | undefined> {
  const { code, row } = newCode(input.traineeId, input);
  const trainee = await repositories.transaction(async ({ trainees }) => {
    const found = await trainees.activeTrainee(input.traineeId);
    if (found) await trainees.addCode(row);
    return found;
  });
  return trainee && { trainee, code, expiresAt: row.expiresAt };
}

/** Revokes the trainee and every device of theirs; false when no such trainee exists. */
export function revokeTrainee(repositories: Repositories, traineeId: string, now: Date): Promise<boolean> {
  return repositories.transaction(({ trainees }) => trainees.revokeTrainee(traineeId, now.toISOString()));
}

/**
 * POST /api/v1/enrol, after validation, in one transaction:
 * 1. lock the code's row, so concurrent redemptions of one code take turns (on PostgreSQL the
 *    row lock; SQLite runs one write transaction at a time);
 * 2. an unused, unexpired code is used up by this device; a used one only the device that used
 *    it may redeem again, for REDEEM_AGAIN_MS (its reply, and so its token, may have been lost);
 * 3. the trainee must be active;
 * 4. make a fresh random token and store only its hash with the device, retiring any token the
 *    device had before, so one device holds one valid token;
 * 5. hand the token to the device: the one and only time it leaves the server.
 */
export async function enrolDevice(repositories: Repositories, request: EnrolRequest, now: Date): Promise<EnrolResponse> {
  const token = newDeviceToken();
  const at = now.toISOString();
  const codeHash = sha256(request.code);
  const trainee = await repositories.transaction(async ({ trainees }) => {
    // 1.
    const code = await trainees.lockCode(codeHash);
    if (!code) return undefined;
    // 2.
    if (code.usedAt === null) {
      if (code.expiresAt !== null && code.expiresAt <= at) return undefined;
      await trainees.markCodeUsed({ codeHash, deviceId: request.deviceId, now: at });
    } else if (code.usedByDevice !== request.deviceId || Date.parse(code.usedAt) <= now.getTime() - REDEEM_AGAIN_MS) {
      return undefined;
    }
    // 3.
    const found = await trainees.activeTrainee(code.traineeId);
    if (!found) return undefined;
    // 4.
    await trainees.replaceDevice({ traineeId: found.id, deviceId: request.deviceId, tokenHash: sha256(token), now: at });
    return found;
  });
  // 5.
  if (!trainee) throw new HttpError(401, 'unauthorized', 'The enrolment code is unknown, used or expired');
  return { token, trainee };
}
