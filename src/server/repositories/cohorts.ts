import type { Kysely } from 'kysely';
import type { Cohort, CohortInput } from '../../shared/office-api.ts';
import type { Tables } from '../db/tables.ts';
import { type TraineeFilter, traineeMatches } from './trainee-filter.ts';

/** SQL over cohorts and their members. */
export class CohortRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Every cohort, newest start first, with how many of the filter's trainees are in it. */
  async list(filter: TraineeFilter): Promise<Cohort[]> {
    const rows = await this.db
      .selectFrom('cohorts as c')
      .selectAll('c')
      .select((eb) =>
        eb
          .selectFrom('cohort_members as m')
          .innerJoin('trainees as t', 't.id', 'm.trainee_id')
          .select(eb.fn.countAll().as('n'))
          .whereRef('m.cohort_id', '=', 'c.id')
          .where((inner) => traineeMatches(inner, filter))
          .as('trainees'),
      )
      .orderBy('c.starts_on', 'desc')
      .orderBy('c.name')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, trainees: Number(r.trainees ?? 0) }));
  }

  async add(input: CohortInput & { id: string; now: string }): Promise<void> {
    await this.db.insertInto('cohorts').values({ id: input.id, name: input.name, starts_on: input.startsOn, ends_on: input.endsOn, created_at: input.now }).execute();
  }

  /** Changes a cohort's name and dates; false when there is no such cohort. */
  async update(id: string, input: CohortInput): Promise<boolean> {
    const result = await this.db.updateTable('cohorts').set({ name: input.name, starts_on: input.startsOn, ends_on: input.endsOn }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The ids among these that are cohorts. */
  async existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('cohorts').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The cohorts a trainee is in. */
  async cohortsOf(traineeId: string): Promise<Array<{ id: string; name: string }>> {
    return this.db
      .selectFrom('cohort_members as m')
      .innerJoin('cohorts as c', 'c.id', 'm.cohort_id')
      .select(['c.id', 'c.name'])
      .where('m.trainee_id', '=', traineeId)
      .orderBy('c.starts_on', 'desc')
      .execute();
  }

  /** Puts each trainee in each cohort (already there is fine). */
  async addMembers(cohortIds: string[], traineeIds: string[]): Promise<void> {
    const values = cohortIds.flatMap((cohort_id) => traineeIds.map((trainee_id) => ({ cohort_id, trainee_id })));
    if (values.length === 0) return;
    await this.db
      .insertInto('cohort_members')
      .values(values)
      .onConflict((oc) => oc.columns(['cohort_id', 'trainee_id']).doNothing())
      .execute();
  }

  /** Makes these the trainee's cohorts, exactly. */
  async setCohortsOf(traineeId: string, cohortIds: string[]): Promise<void> {
    await this.db
      .deleteFrom('cohort_members')
      .where('trainee_id', '=', traineeId)
      .$if(cohortIds.length > 0, (q) => q.where('cohort_id', 'not in', cohortIds))
      .execute();
    await this.addMembers(cohortIds, [traineeId]);
  }
}
