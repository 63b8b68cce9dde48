import type { Catalogue } from '../../shared/catalogue.ts';
import { withCurrentIds } from '../../shared/course-ids.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import { FINAL_ASSESSMENT_ID } from '../../shared/lesson.ts';
import type { Repositories } from '../repositories/repositories.ts';
import { type FirstAnswer, foldFirstAnswers, foldLessons, keyOf, type LessonRollup, summarise } from '../rollups/fold-rollups.ts';

const courseOf = (catalogue: Catalogue) => ({
  lessons: catalogue.lessons.filter((l) => l.id !== FINAL_ASSESSMENT_ID).map((l) => l.id),
  finalId: FINAL_ASSESSMENT_ID,
});

/**
 * Folds a trainee's newly stored, placed events into their rollup rows. Called by the sync in the
 * transaction that stored the events (after the trainee's row lock), so the dashboard never sees
 * events without their rollup, nor a rollup without its events:
 * 1. map former lesson and section ids to the current ones, as the report does;
 * 2. read the trainee's lesson rows (a handful), fold, write the rows that changed;
 * 3. for quiz attempts, read the first answers of those lessons, fold, write the changed ones;
 * 4. rewrite the trainee's summary row from all their lesson rows.
 */
export async function updateRollups(repositories: Repositories, traineeId: string, stored: readonly LearnerEvent[], catalogue: Catalogue): Promise<void> {
  if (stored.length === 0) return;
  const { rollups } = repositories;
  // 1.
  const events = stored.map((e) => withCurrentIds(catalogue, e));
  // 2.
  const lessons = new Map((await rollups.lessonRows(traineeId)).map((r) => [r.lessonId, r]));
  const changed = foldLessons(lessons, events);
  await rollups.saveLessonRows([...changed].map((id) => ({ traineeId, row: lessons.get(id)! })));
  // 3.
  const quizLessons = [...new Set(events.filter((e) => e.type === 'quiz_answered').map((e) => e.lessonId))];
  if (quizLessons.length) {
    const firsts = new Map((await rollups.firstAnswers(traineeId, quizLessons)).map((a) => [keyOf(a), a]));
    const changedFirsts = foldFirstAnswers(firsts, events);
    await rollups.saveFirstAnswers([...changedFirsts].map((k) => ({ traineeId, answer: firsts.get(k)! })));
  }
  // 4.
  await rollups.saveSummaries([{ traineeId, summary: summarise(lessons.values(), courseOf(catalogue)) }]);
}

/** Trainees whose rollups one rebuild transaction writes. */
const REBUILD_PAGE = 200;

/**
 * Builds every trainee's rollups again from their stored, placed events: after migration 0013 (at
 * the server's start) and on `npm run admin -- rollups rebuild` after a course update. A page of
 * trainees at a time, each page one transaction that first locks its trainees' rows, so a sync
 * running meanwhile waits for its trainee's page instead of being lost. Returns the trainees done.
 */
export async function rebuildRollups(repositories: Repositories, catalogue: Catalogue): Promise<number> {
  const course = courseOf(catalogue);
  let after = '';
  let done = 0;
  for (;;) {
    const ids = await repositories.rollups.traineeIdsAfter(after, REBUILD_PAGE);
    if (ids.length === 0) return done;
    await repositories.transaction(async ({ rollups, events }) => {
      await rollups.lockTrainees(ids);
      await rollups.forget(ids);
      const byTrainee = new Map<string, LearnerEvent[]>(ids.map((id) => [id, []]));
      for (const { traineeId, event } of await events.placedEventsOf(ids)) byTrainee.get(traineeId)!.push(withCurrentIds(catalogue, event));
      // The whole page's rows in a few multi-row inserts, not a few per trainee.
      const lessonRows: Array<{ traineeId: string; row: LessonRollup }> = [];
      const answers: Array<{ traineeId: string; answer: FirstAnswer }> = [];
      const summaries = [];
      for (const [traineeId, list] of byTrainee) {
        if (list.length === 0) continue;
        const lessons = new Map<string, LessonRollup>();
        foldLessons(lessons, list);
        const firsts = new Map<string, FirstAnswer>();
        foldFirstAnswers(firsts, list);
        for (const row of lessons.values()) lessonRows.push({ traineeId, row });
        for (const answer of firsts.values()) answers.push({ traineeId, answer });
        summaries.push({ traineeId, summary: summarise(lessons.values(), course) });
      }
      await rollups.saveLessonRows(lessonRows);
      await rollups.saveFirstAnswers(answers);
      await rollups.saveSummaries(summaries);
    });
    done += ids.length;
    after = ids.at(-1)!;
  }
}

/**
 * Does the rollup build migration 0013 left pending, once, whichever process gets there first
 * (its office_state row is locked while the others wait); a no-op afterwards. One transaction:
 * it runs before the server listens, so no sync waits on it.
 */
export async function buildPendingRollups(repositories: Repositories, catalogue: Catalogue): Promise<void> {
  await repositories.transaction(async (tx) => {
    if (!(await tx.rollups.pending('rollups'))) return;
    await rebuildRollups(tx, catalogue);
    await tx.rollups.setPending('rollups', false);
  });
}
