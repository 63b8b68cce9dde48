import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';

/** Which trainees a dashboard request is about: the officer's scope and the page's filters. */
export interface TraineeFilter {
  /** A unit officer's unit: everything they read or export stays inside it. */
  scopeUnit: string | null;
  unit?: string | undefined;
  placeId?: string | undefined;
  cohortId?: string | undefined;
  /** Revoked trainees are left out of the dashboard's counts, and shown in lists and detail. */
  includeRevoked?: boolean | undefined;
}

/**
 * The condition on the trainees table (under `alias`) that keeps the filter's trainees; every
 * office query goes through it, so a unit officer's scope cannot be forgotten in one of them.
 */
export function traineeMatches(eb: ExpressionBuilder<any, any>, filter: TraineeFilter, alias = 't'): Expression<SqlBool> {
  const column = (name: string) => `${alias}.${name}`;
  const conditions: Array<Expression<SqlBool>> = [];
  if (!filter.includeRevoked) conditions.push(eb(column('revoked_at'), 'is', null));
  if (filter.scopeUnit !== null) conditions.push(eb(column('unit'), '=', filter.scopeUnit));
  if (filter.unit !== undefined) conditions.push(eb(column('unit'), '=', filter.unit));
  if (filter.placeId !== undefined) conditions.push(eb(column('place_id'), '=', filter.placeId));
  if (filter.cohortId !== undefined) {
    conditions.push(eb(column('id'), 'in', eb.selectFrom('cohort_members').select('cohort_members.trainee_id').where('cohort_members.cohort_id', '=', filter.cohortId)));
  }
  return eb.and(conditions);
}
