import * as z from 'zod/mini';
import { courseIdSchema } from './course-id-schema.ts';
import { FINAL_ASSESSMENT_ID, type FinalAssessment, type Lesson } from './lesson.ts';

/**
 * What the server needs to know of the course to place events: each lesson's section, question
 * and option ids. The build writes it beside the app (CATALOGUE_FILE, outside the precache: no
 * phone downloads it) and the server reads it from there.
 */
export const catalogueSchema = z.object({
  /**
   * The course index's `version` (a hash of the compiled content): completion records name it.
   * Optional so that a catalogue written without one (scripts/write-catalogue.ts) still reads.
   */
  version: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  lessons: z.array(
    z.object({
      id: courseIdSchema,
      sections: z.array(courseIdSchema),
      questions: z.array(z.object({ id: courseIdSchema, options: z.array(courseIdSchema) })),
      /** Ids the lesson had before (see course-ids.ts). */
      formerIds: z.optional(z.array(courseIdSchema)),
      /** A former section id → the section's id now. */
      formerSectionIds: z.optional(z.record(courseIdSchema, courseIdSchema)),
    }),
  ),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

/** The catalogue's file name in the build's output folder. */
export const CATALOGUE_FILE = 'course-catalogue.json';

/**
 * The catalogue of a compiled course. The final assessment is listed as one more lesson, with no
 * sections, so its attempts are placed, stored and merged exactly like a lesson's quiz.
 */
export function toCatalogue(course: {
  lessons: ReadonlyArray<Pick<Lesson, 'id' | 'sections' | 'quiz' | 'formerIds' | 'formerSectionIds'>>;
  finalAssessment: Pick<FinalAssessment, 'questions'>;
}): Catalogue {
  const questions = (qs: ReadonlyArray<{ id: string; options: ReadonlyArray<{ id: string }> }>) => qs.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) }));
  return {
    lessons: [
      ...course.lessons.map((l) => ({
        id: l.id,
        sections: l.sections.map((s) => s.id),
        questions: questions(l.quiz.questions),
        ...(l.formerIds?.length ? { formerIds: l.formerIds } : {}),
        ...(l.formerSectionIds && Object.keys(l.formerSectionIds).length ? { formerSectionIds: l.formerSectionIds } : {}),
      })),
      { id: FINAL_ASSESSMENT_ID, sections: [], questions: questions(course.finalAssessment.questions) },
    ],
  };
}
