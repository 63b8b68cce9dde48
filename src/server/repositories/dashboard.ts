import type { Kysely } from 'kysely';
import type { GroupBy } from '../../shared/office-api.ts';
import type { Tables } from '../db/tables.ts';
import { type TraineeFilter, traineeMatches } from './trainee-filter.ts';

/** A group's sums, before the service turns them into rates. */
export interface GroupSums {
  key: string | null;
  trainees: number;
  lessonsCompleted: number;
  scoreSum: number;
  scored: number;
  lastActivityAt: string | null;
}

const n = (value: unknown) => Number(value ?? 0);

/**
 * The dashboard's reads. Each one reads rollup rows (one per trainee, per trainee and lesson, per
 * trainee and question) joined to trainees for the filter, never the events table: its cost grows
 * with trainees, not with how much they have studied.
 */
export class DashboardRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Enrolled, active since `since`, completed, and devices not synced since `since`. */
  async overview(filter: TraineeFilter, since: string) {
    const trainees = await this.db
      .selectFrom('trainees as t')
      .leftJoin('trainee_rollups as r', 'r.trainee_id', 't.id')
      .where((eb) => traineeMatches(eb, filter))
      .select((eb) => [
        eb.fn.countAll().as('enrolled'),
        eb.fn.sum(eb.case().when('r.last_activity_at', '>=', since).then(1).else(0).end()).as('active'),
        eb.fn.sum(eb.fn.coalesce('r.course_completed', eb.lit(0))).as('completed'),
      ])
      .executeTakeFirstOrThrow();
    const devices = await this.db
      .selectFrom('devices as d')
      .innerJoin('trainees as t', 't.id', 'd.trainee_id')
      .where((eb) => traineeMatches(eb, filter))
      .where('d.revoked_at', 'is', null)
      .where((eb) => eb(eb.fn.coalesce('d.last_sync_at', 'd.created_at'), '<', since))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return { enrolled: n(trainees.enrolled), active: n(trainees.active), completed: n(trainees.completed), devicesNotSynced: n(devices.n) };
  }

  /**
   * Certificates issued to the filter's trainees. The completion records of issue 15 are not
   * stored yet, so there are none; their repository answers this once they are.
   */
  async certificatesIssued(_filter: TraineeFilter): Promise<number> {
    return 0;
  }

  /** Trainee counts and summed rollups per unit or per place. */
  async groups(filter: TraineeFilter, by: GroupBy): Promise<GroupSums[]> {
    const key = by === 'unit' ? 't.unit' : 't.place_id';
    const rows = await this.db
      .selectFrom('trainees as t')
      .leftJoin('trainee_rollups as r', 'r.trainee_id', 't.id')
      .where((eb) => traineeMatches(eb, filter))
      .select((eb) => [
        eb.ref(key).as('key'),
        eb.fn.countAll().as('trainees'),
        eb.fn.sum('r.lessons_completed').as('lessons_completed'),
        eb.fn.sum('r.score_sum').as('score_sum'),
        eb.fn.sum('r.scored').as('scored'),
        eb.fn.max('r.last_activity_at').as('last_activity_at'),
      ])
      .groupBy(key)
      .execute();
    return rows.map((r) => ({
      key: (r.key as string | null) ?? null,
      trainees: n(r.trainees),
      lessonsCompleted: n(r.lessons_completed),
      scoreSum: n(r.score_sum),
      scored: n(r.scored),
      lastActivityAt: (r.last_activity_at as string | null) ?? null,
    }));
  }

  /** Lesson rows counted by lesson, sections read and quiz passed: the funnel's raw material. */
  async lessonCounts(filter: TraineeFilter): Promise<Array<{ lessonId: string; sectionsRead: number; passed: boolean; trainees: number }>> {
    const rows = await this.db
      .selectFrom('lesson_rollups as l')
      .innerJoin('trainees as t', 't.id', 'l.trainee_id')
      .where((eb) => traineeMatches(eb, filter))
      .select((eb) => ['l.lesson_id', 'l.sections_read', 'l.passed', eb.fn.countAll().as('n')])
      .groupBy(['l.lesson_id', 'l.sections_read', 'l.passed'])
      .execute();
    return rows.map((r) => ({ lessonId: r.lesson_id, sectionsRead: r.sections_read, passed: r.passed === 1, trainees: n(r.n) }));
  }

  /** First answers counted by question and the options chosen. */
  async firstAnswerCounts(filter: TraineeFilter): Promise<Array<{ lessonId: string; questionId: string; options: string[]; trainees: number }>> {
    const rows = await this.db
      .selectFrom('question_rollups as q')
      .innerJoin('trainees as t', 't.id', 'q.trainee_id')
      .where((eb) => traineeMatches(eb, filter))
      .select((eb) => ['q.lesson_id', 'q.question_id', 'q.first_options', eb.fn.countAll().as('n')])
      .groupBy(['q.lesson_id', 'q.question_id', 'q.first_options'])
      .execute();
    return rows.map((r) => ({ lessonId: r.lesson_id, questionId: r.question_id, options: JSON.parse(r.first_options) as string[], trainees: n(r.n) }));
  }

  /** The trainee's lesson rows, for the detail page. */
  async lessonsOf(traineeId: string) {
    const rows = await this.db.selectFrom('lesson_rollups').selectAll().where('trainee_id', '=', traineeId).execute();
    return rows.map((r) => ({
      lessonId: r.lesson_id,
      sectionsRead: r.sections_read,
      completed: r.completed === 1,
      attempts: r.attempts,
      bestScore: r.best_score === null ? null : Number(r.best_score),
      passed: r.passed === 1,
      lastAt: r.last_at,
    }));
  }
}
