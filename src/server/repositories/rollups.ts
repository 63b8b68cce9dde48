import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db/database.ts';
import type { Tables } from '../db/tables.ts';
import type { FirstAnswer, LessonRollup, TraineeSummary } from '../rollups/fold-rollups.ts';

// Rows per insert: well under SQLite's and PostgreSQL's limits on bound parameters.
const CHUNK = 400;
const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));
const flag = (b: boolean) => (b ? 1 : 0);

/** SQL over the dashboard's rollups (lesson_rollups, question_rollups, trainee_rollups) and office_state. */
export class RollupRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly kind: DatabaseKind,
  ) {}

  /** Every lesson row of the trainee. */
  async lessonRows(traineeId: string): Promise<LessonRollup[]> {
    const rows = await this.db.selectFrom('lesson_rollups').selectAll().where('trainee_id', '=', traineeId).execute();
    return rows.map((r) => ({
      lessonId: r.lesson_id,
      sections: JSON.parse(r.sections) as string[],
      completed: r.completed === 1,
      attempts: r.attempts,
      bestScore: r.best_score === null ? null : Number(r.best_score),
      passed: r.passed === 1,
      note: r.note_at === null ? null : { at: r.note_at, deviceId: r.note_device!, eventId: r.note_event!, present: r.has_note === 1 },
      lastAt: r.last_at,
    }));
  }

  /** Inserts or replaces lesson rows (of one trainee in a sync, of many in a rebuild). */
  async saveLessonRows(rows: Array<{ traineeId: string; row: LessonRollup }>): Promise<void> {
    for (const part of chunks(rows)) {
      const values = part.map(({ traineeId, row: r }) => ({
        trainee_id: traineeId,
        lesson_id: r.lessonId,
        sections: JSON.stringify(r.sections),
        sections_read: r.sections.length,
        completed: flag(r.completed),
        attempts: r.attempts,
        best_score: r.bestScore,
        passed: flag(r.passed),
        note_at: r.note?.at ?? null,
        note_device: r.note?.deviceId ?? null,
        note_event: r.note?.eventId ?? null,
        has_note: flag(r.note?.present ?? false),
        last_at: r.lastAt,
      }));
      await this.db
        .insertInto('lesson_rollups')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['trainee_id', 'lesson_id']).doUpdateSet((eb) => ({
            sections: eb.ref('excluded.sections'),
            sections_read: eb.ref('excluded.sections_read'),
            completed: eb.ref('excluded.completed'),
            attempts: eb.ref('excluded.attempts'),
            best_score: eb.ref('excluded.best_score'),
            passed: eb.ref('excluded.passed'),
            note_at: eb.ref('excluded.note_at'),
            note_device: eb.ref('excluded.note_device'),
            note_event: eb.ref('excluded.note_event'),
            has_note: eb.ref('excluded.has_note'),
            last_at: eb.ref('excluded.last_at'),
          })),
        )
        .execute();
    }
  }

  /** The trainee's first answers to questions of these lessons. */
  async firstAnswers(traineeId: string, lessonIds: string[]): Promise<FirstAnswer[]> {
    if (lessonIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('question_rollups')
      .selectAll()
      .where('trainee_id', '=', traineeId)
      .where('lesson_id', 'in', lessonIds)
      .execute();
    return rows.map((r) => ({ lessonId: r.lesson_id, questionId: r.question_id, at: r.first_at, eventId: r.first_event, options: JSON.parse(r.first_options) as string[] }));
  }

  /** Inserts or replaces first answers (of one trainee in a sync, of many in a rebuild). */
  async saveFirstAnswers(answers: Array<{ traineeId: string; answer: FirstAnswer }>): Promise<void> {
    for (const part of chunks(answers)) {
      const values = part.map(({ traineeId, answer: a }) => ({
        trainee_id: traineeId,
        lesson_id: a.lessonId,
        question_id: a.questionId,
        first_at: a.at,
        first_event: a.eventId,
        first_options: JSON.stringify(a.options),
      }));
      await this.db
        .insertInto('question_rollups')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['trainee_id', 'lesson_id', 'question_id']).doUpdateSet((eb) => ({
            first_at: eb.ref('excluded.first_at'),
            first_event: eb.ref('excluded.first_event'),
            first_options: eb.ref('excluded.first_options'),
          })),
        )
        .execute();
    }
  }

  /** Inserts or replaces trainees' summary rows. */
  async saveSummaries(summaries: Array<{ traineeId: string; summary: TraineeSummary }>): Promise<void> {
    for (const part of chunks(summaries)) {
      const values = part.map(({ traineeId, summary: s }) => ({
        trainee_id: traineeId,
        lessons_completed: s.lessonsCompleted,
        score_sum: s.scoreSum,
        scored: s.scored,
        final_passed: flag(s.finalPassed),
        course_completed: flag(s.courseCompleted),
        notes: s.notes,
        last_activity_at: s.lastActivityAt,
      }));
      await this.db
        .insertInto('trainee_rollups')
        .values(values)
        .onConflict((oc) =>
          oc.column('trainee_id').doUpdateSet((eb) => ({
            lessons_completed: eb.ref('excluded.lessons_completed'),
            score_sum: eb.ref('excluded.score_sum'),
            scored: eb.ref('excluded.scored'),
            final_passed: eb.ref('excluded.final_passed'),
            course_completed: eb.ref('excluded.course_completed'),
            notes: eb.ref('excluded.notes'),
            last_activity_at: eb.ref('excluded.last_activity_at'),
          })),
        )
        .execute();
    }
  }

  /** Forgets every rollup row of these trainees (before they are built again). */
  async forget(traineeIds: string[]): Promise<void> {
    if (traineeIds.length === 0) return;
    for (const table of ['lesson_rollups', 'question_rollups', 'trainee_rollups'] as const) {
      await this.db.deleteFrom(table).where('trainee_id', 'in', traineeIds).execute();
    }
  }

  /** Up to `limit` trainee ids after `after`, in id order: the rebuild's pages. */
  async traineeIdsAfter(after: string, limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('trainees').select('id').where('id', '>', after).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /**
   * Locks these trainees' rows until the transaction ends, as a sync does (it stamps the row
   * first): a rebuild then never interleaves with a sync of the same trainee. SQLite has one
   * writer at a time, so a write takes the lock there.
   */
  async lockTrainees(traineeIds: string[]): Promise<void> {
    if (traineeIds.length === 0) return;
    if (this.kind === 'postgres') await this.db.selectFrom('trainees').select('id').where('id', 'in', traineeIds).forUpdate().execute();
    else await this.db.updateTable('trainees').set((eb) => ({ id: eb.ref('id') })).where('id', 'in', traineeIds).execute();
  }

  /** Whether the named work a migration left is still to do, locking its row on PostgreSQL so one process does it. */
  async pending(name: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('office_state')
      .select('pending')
      .where('name', '=', name)
      .$if(this.kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    return row?.pending === 1;
  }

  async setPending(name: string, pending: boolean): Promise<void> {
    await this.db.updateTable('office_state').set({ pending: flag(pending) }).where('name', '=', name).execute();
  }
}
