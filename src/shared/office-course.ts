import * as z from 'zod/mini';
import { courseIdSchema } from './course-id-schema.ts';
import { FINAL_ASSESSMENT_ID, type FinalAssessment, type Lesson } from './lesson.ts';

/**
 * What the programme office's dashboard shows of the course beside the ids: lesson titles,
 * section counts, question prompts, options and the answer key. The build writes it beside the
 * app (OFFICE_COURSE_FILE), outside the phone's precache; the server reads it from there. The
 * answer key is no secret (each lesson's file carries it for the phone's own feedback), but the
 * trainee app never downloads this file.
 */
const bilingual = z.object({ vi: z.string(), en: z.string() });

export const officeCourseSchema = z.object({
  lessons: z.array(
    z.object({
      id: courseIdSchema,
      title: bilingual,
      sections: z.number().check(z.int(), z.gte(0)),
      questions: z.array(
        z.object({
          id: courseIdSchema,
          prompt: bilingual,
          options: z.array(z.object({ id: courseIdSchema, vi: z.string(), en: z.string() })),
          /** The option ids a right answer chooses, exactly. */
          correct: z.array(courseIdSchema),
        }),
      ),
    }),
  ),
});
export type OfficeCourse = z.infer<typeof officeCourseSchema>;

/** The file's name in the build's output folder. */
export const OFFICE_COURSE_FILE = 'office-course.json';

type QuestionSource = Pick<Lesson['quiz']['questions'][number], 'id' | 'prompt' | 'options'>;

/** The office's view of a compiled course; the final assessment is one more entry with no sections, as in the catalogue. */
export function toOfficeCourse(course: {
  lessons: ReadonlyArray<Pick<Lesson, 'id' | 'title' | 'sections' | 'quiz'>>;
  finalAssessment: Pick<FinalAssessment, 'questions'>;
}): OfficeCourse {
  const questions = (qs: ReadonlyArray<QuestionSource>) =>
    qs.map((q) => ({
      id: q.id,
      prompt: { vi: q.prompt.vi, en: q.prompt.en },
      options: q.options.map((o) => ({ id: o.id, vi: o.vi, en: o.en })),
      correct: q.options.filter((o) => o.correct).map((o) => o.id),
    }));
  return {
    lessons: [
      ...course.lessons.map((l) => ({ id: l.id, title: { vi: l.title.vi, en: l.title.en }, sections: l.sections.length, questions: questions(l.quiz.questions) })),
      { id: FINAL_ASSESSMENT_ID, title: { vi: 'Bài kiểm tra cuối khóa', en: 'Final assessment' }, sections: 0, questions: questions(course.finalAssessment.questions) },
    ],
  };
}
