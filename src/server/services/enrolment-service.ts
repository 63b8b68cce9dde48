import type { EnrolRequest, EnrolResponse } from '../../shared/sync-api.ts';
import { enrolmentCodeSchema } from '../../shared/sync-api.ts';
import { newDeviceToken, newEnrolmentCode, newTraineeId, sha256 } from '../auth/secrets.ts';
import type { Trainee, TrainingRepository } from '../db/training-repository.ts';
import { HttpError } from '../http/http-error.ts';

/** Adds a trainee and returns the one-time code to hand them; only its hash is stored. */
export async function issueEnrolment(
  repository: TrainingRepository,
  input: { name: string; unit: string; now: Date },
): Promise<{ trainee: Trainee; code: string }> {
  const code = newEnrolmentCode();
  const trainee = await repository.createTrainee({
    id: newTraineeId(),
    name: input.name,
    unit: input.unit,
    // Hash the normalised form, the same one enrolmentCodeSchema gives the enrol request.
    codeHash: sha256(enrolmentCodeSchema.parse(code)),
    now: input.now.toISOString(),
  });
  return { trainee, code };
}

/** Another one-time code for an existing trainee's next device; undefined if unknown or revoked. */
export async function issueDeviceCode(
  repository: TrainingRepository,
  input: { traineeId: string; now: Date },
): Promise<{ trainee: Trainee; code: string } | undefined> {
  const code = newEnrolmentCode();
  const trainee = await repository.addEnrolmentCode({
    traineeId: input.traineeId,
    codeHash: sha256(enrolmentCodeSchema.parse(code)),
    now: input.now.toISOString(),
  });
  return trainee && { trainee, code };
}

/**
 * POST /api/v1/enrol, after validation:
 * 1. use up the code (one device per code, even under concurrent requests);
 * 2. make a fresh random token and store only its hash with the device;
 * 3. hand the token to the device: the one and only time it leaves the server.
 */
export async function enrolDevice(repository: TrainingRepository, request: EnrolRequest, now: Date): Promise<EnrolResponse> {
  const token = newDeviceToken();
  const trainee = await repository.redeemEnrolmentCode({
    codeHash: sha256(request.code),
    deviceId: request.deviceId,
    tokenHash: sha256(token),
    now: now.toISOString(),
  });
  if (!trainee) throw new HttpError(401, 'unauthorized', 'The enrolment code is unknown or has been used');
  return { token, trainee };
}
