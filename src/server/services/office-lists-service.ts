import { fold } from '../../shared/search.ts';
import type { CohortInput, Officer, Place, PlaceKind } from '../../shared/office-api.ts';
import { newOfficeId } from '../auth/secrets.ts';
import { HttpError } from '../http/http-error.ts';
import type { Repositories } from '../repositories/repositories.ts';
import { requireProgrammeOfficer } from './office-scope.ts';

const invalid = (path: string[], message: string) => new HttpError(400, 'validation_failed', `The request is not valid: ${message}`, [{ path, message }]);

/**
 * Changes a trainee's name, unit, place or cohorts (the caller has checked the officer may see
 * them). A unit officer cannot move a trainee out of their unit; a place must be in the list.
 */
export async function updateTrainee(
  repositories: Repositories,
  officer: Officer,
  traineeId: string,
  change: { name?: string | undefined; unit?: string | undefined; placeId?: string | null | undefined; cohortIds?: string[] | undefined },
): Promise<void> {
  if (officer.unit !== null && change.unit !== undefined && change.unit !== officer.unit) {
    throw new HttpError(403, 'forbidden', 'A unit officer cannot move a trainee to another unit');
  }
  if (change.placeId) {
    const place = await repositories.places.find(change.placeId);
    if (!place || place.retired) throw invalid(['placeId'], 'no such province, city or ministry in the list');
  }
  if (change.cohortIds) {
    const known = await repositories.cohorts.existing(change.cohortIds);
    const unknown = change.cohortIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw invalid(['cohortIds', String(unknown)], 'no such cohort');
  }
  await repositories.transaction(async (tx) => {
    await tx.officeTrainees.update(traineeId, change);
    if (change.cohortIds) await tx.cohorts.setCohortsOf(traineeId, change.cohortIds);
  });
}

export async function addCohort(repositories: Repositories, officer: Officer, input: CohortInput, now: Date) {
  requireProgrammeOfficer(officer);
  const id = newOfficeId('co');
  await repositories.cohorts.add({ ...input, id, now: now.toISOString() });
  return { id, ...input, trainees: 0 };
}

export async function changeCohort(repositories: Repositories, officer: Officer, id: string, input: CohortInput) {
  requireProgrammeOfficer(officer);
  if (!(await repositories.cohorts.update(id, input))) throw new HttpError(404, 'not_found', 'No such cohort');
}

// A new place's id from its English name ("Ministry of Home Affairs" → "ministry-of-home-affairs"), or a random one.
const idFrom = (name: string) => fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);

/** Adds a province, city or ministry to the list; its names must not be taken by another. */
export async function addPlace(repositories: Repositories, officer: Officer, input: { kind: PlaceKind; vi: string; en: string }): Promise<Place> {
  requireProgrammeOfficer(officer);
  const places = await repositories.places.list();
  const taken = (name: string) => places.some((p) => fold(p.vi) === fold(name) || fold(p.en) === fold(name));
  if (taken(input.vi)) throw invalid(['vi'], 'another place in the list has this name');
  if (taken(input.en)) throw invalid(['en'], 'another place in the list has this name');
  const wanted = idFrom(input.en);
  const id = wanted && !places.some((p) => p.id === wanted) ? wanted : newOfficeId('pl');
  await repositories.places.add({ id, ...input });
  return { id, ...input, retired: false };
}

/** Renames, retires or brings back a place; its id, and so every trainee's link to it, stays. */
export async function changePlace(repositories: Repositories, officer: Officer, id: string, change: { vi?: string | undefined; en?: string | undefined; retired?: boolean | undefined }, now: Date) {
  requireProgrammeOfficer(officer);
  const retiredAt = change.retired === undefined ? undefined : change.retired ? now.toISOString() : null;
  if (!(await repositories.places.update(id, { vi: change.vi, en: change.en, retiredAt }))) throw new HttpError(404, 'not_found', 'No such place');
}
