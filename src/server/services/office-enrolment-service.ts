import type { Enrolled, ImportIssue, Officer } from '../../shared/office-api.ts';
import { newTraineeId } from '../auth/secrets.ts';
import { HttpError } from '../http/http-error.ts';
import type { Repositories } from '../repositories/repositories.ts';
import { readImport } from '../office/read-import.ts';
import { newCode } from './enrolment-service.ts';

interface NewTrainee {
  name: string;
  unit: string;
  placeId: string;
}

const refused = (issues: ImportIssue[] | Array<{ path: Array<string | number>; message: string }>) =>
  new HttpError(400, 'validation_failed', `The request is not valid: ${issues[0]?.message ?? ''}`, issues);

/** Cohort ids that do not exist are refused, like any other field. */
async function checkCohorts(repositories: Repositories, cohortIds: string[]) {
  const known = await repositories.cohorts.existing(cohortIds);
  const unknown = cohortIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw refused([{ path: ['cohortIds', unknown], message: 'no such cohort' }]);
}

/**
 * Enrols trainees in one transaction: each gets a trainee row with their place, their cohorts,
 * and a one-time code (only its hash stored). The codes are returned once, for the enrolment
 * sheets, and never again.
 */
async function enrolAll(repositories: Repositories, trainees: NewTrainee[], cohortIds: string[], now: Date): Promise<Enrolled[]> {
  return repositories.transaction(async (tx) => {
    const enrolled: Enrolled[] = [];
    for (const t of trainees) {
      const { code, row } = newCode(newTraineeId(), { now });
      await tx.trainees.createTrainee({ id: row.traineeId, name: t.name, unit: t.unit, now: row.now });
      await tx.officeTrainees.setPlace(row.traineeId, t.placeId);
      await tx.trainees.addCode(row);
      enrolled.push({ trainee: { id: row.traineeId, name: t.name, unit: t.unit, placeId: t.placeId }, code, expiresAt: row.expiresAt });
    }
    await tx.cohorts.addMembers(cohortIds, enrolled.map((e) => e.trainee.id));
    return enrolled;
  });
}

/** Enrols one trainee from the office's form; a unit officer only into their own unit. */
export async function enrolOne(repositories: Repositories, officer: Officer, input: NewTrainee & { cohortIds: string[] }, now: Date): Promise<Enrolled> {
  if (officer.unit !== null && input.unit !== officer.unit) throw new HttpError(403, 'forbidden', "A unit officer enrols only their own unit's trainees");
  const place = await repositories.places.find(input.placeId);
  if (!place || place.retired) throw refused([{ path: ['placeId'], message: 'no such province, city or ministry in the list' }]);
  await checkCohorts(repositories, input.cohortIds);
  const [enrolled] = await enrolAll(repositories, [input], input.cohortIds, now);
  return enrolled!;
}

/** Enrols every row of an uploaded CSV, or none: a file with any problem is refused whole, with every problem named. */
export async function enrolFromCsv(repositories: Repositories, officer: Officer, input: { csv: string; cohortIds: string[] }, now: Date): Promise<Enrolled[]> {
  const { trainees, issues } = readImport(input.csv, await repositories.places.list(), officer.unit);
  if (issues.length) throw refused(issues);
  await checkCohorts(repositories, input.cohortIds);
  return enrolAll(repositories, trainees, input.cohortIds, now);
}
