import * as z from 'zod/mini';
import { currentSectionId } from '../course-ids.ts';
import { courseIdSchema } from '../course-id-schema.ts';
import { FINAL_ASSESSMENT_ID } from '../lesson.ts';
import type { LessonProgress } from '../progress.ts';

/*
 * When the course is complete: every lesson has all its sections read and its quiz passed, and
 * the final assessment is passed. Progress recorded under a lesson's or a section's former ids
 * counts for it (course-ids.ts). The server decides with this rule before it issues a record; the
 * phone uses it to show what is still missing, offline.
 */

/** The course as the rule needs it: the server builds it from its catalogue, the phone from its course index. */
export interface CompletionCourse {
  lessons: ReadonlyArray<{
    id: string;
    sections: readonly string[];
    /** False only for a lesson without questions (test courses); every real lesson has a quiz. */
    quiz: boolean;
    formerIds?: readonly string[] | undefined;
    formerSectionIds?: Readonly<Record<string, string>> | undefined;
  }>;
}

/** What the rule reads of a lesson's progress. */
type ProgressFacts = Pick<LessonProgress, 'sectionsRead' | 'attempts' | 'bestScore'>;

export const missingLessonSchema = z.object({
  lessonId: courseIdSchema,
  /** Sections of the lesson not read yet, in lesson order. */
  unreadSections: z.array(courseIdSchema),
  quizPassed: z.boolean(),
});

/** What stands between the trainee and completion. */
export const missingSchema = z.object({
  /** Incomplete lessons, in course order. */
  lessons: z.array(missingLessonSchema),
  finalAssessmentPassed: z.boolean(),
});
export type Missing = z.infer<typeof missingSchema>;

export type CourseCompletion =
  /** Best scores are shares of questions answered right, 0..1. */
  | { complete: true; scores: Record<string, number>; final: number }
  | { complete: false; missing: Missing };

/** Whether `progress` (rows by lesson id as recorded, former ids included) completes `course`. */
export function courseCompletion(course: CompletionCourse, progress: Readonly<Record<string, ProgressFacts>>): CourseCompletion {
  const row = (id: string) => (Object.hasOwn(progress, id) ? progress[id] : undefined);
  const missing: Missing['lessons'] = [];
  const scores: Record<string, number> = {};
  for (const lesson of course.lessons) {
    if (lesson.id === FINAL_ASSESSMENT_ID) continue;
    const rows = [lesson.id, ...(lesson.formerIds ?? [])].flatMap((id) => {
      const p = row(id);
      return p ? [{ id, p }] : [];
    });
    const read = new Set(rows.flatMap(({ id, p }) => p.sectionsRead.map((s) => currentSectionId(course, id, s))));
    const unreadSections = lesson.sections.filter((s) => !read.has(s));
    const quizPassed = !lesson.quiz || rows.some(({ p }) => p.attempts.some((a) => a.passed));
    if (unreadSections.length || !quizPassed) missing.push({ lessonId: lesson.id, unreadSections, quizPassed });
    scores[lesson.id] = Math.max(0, ...rows.map(({ p }) => p.bestScore ?? 0));
  }
  const finalRow = row(FINAL_ASSESSMENT_ID);
  const finalAssessmentPassed = finalRow?.attempts.some((a) => a.passed) ?? false;
  if (missing.length || !finalAssessmentPassed) return { complete: false, missing: { lessons: missing, finalAssessmentPassed } };
  return { complete: true, scores, final: finalRow?.bestScore ?? 0 };
}
