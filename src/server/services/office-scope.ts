import type { Officer, OfficeFilter } from '../../shared/office-api.ts';
import { HttpError } from '../http/http-error.ts';
import type { Repositories } from '../repositories/repositories.ts';
import type { TraineeFilter } from '../repositories/trainee-filter.ts';

/** The trainees a request may read: the page's filters, inside the officer's unit if they have one. */
export function filterOf(officer: Officer, query: OfficeFilter): TraineeFilter {
  return { scopeUnit: officer.unit, unit: query.unit, placeId: query.place, cohortId: query.cohort };
}

const forbidden = () => new HttpError(403, 'forbidden', 'This trainee is outside your unit');

/**
 * Lets the request on only if the officer may see this trainee. A unit officer gets 403 for any
 * id outside their unit, whether or not a trainee has it, so ids cannot be probed; a programme
 * officer gets 404 for an unknown one.
 */
export async function checkTraineeAccess(repositories: Repositories, officer: Officer, traineeId: string): Promise<void> {
  const unit = traineeId.length <= 64 ? await repositories.officeTrainees.unitOf(traineeId) : undefined;
  if (officer.unit !== null && unit !== officer.unit) throw forbidden();
  if (unit === undefined) throw new HttpError(404, 'not_found', 'No such trainee');
}

/** Lists (places) and cohorts are the whole programme's: only an officer without a unit changes them. */
export function requireProgrammeOfficer(officer: Officer): void {
  if (officer.unit !== null) throw new HttpError(403, 'forbidden', 'Only the programme office (an officer without a unit) may change this');
}
