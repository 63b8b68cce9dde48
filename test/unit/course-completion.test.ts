import { describe, expect, it } from 'vitest';
import { type CompletionCourse, courseCompletion } from '../../src/shared/completion/course-completion.ts';
import { FINAL_ASSESSMENT_ID } from '../../src/shared/lesson.ts';
import type { LessonProgress } from '../../src/shared/progress.ts';

const course: CompletionCourse = {
  lessons: [
    { id: 'core-experts', sections: ['why', 'who', 'how'], quiz: true },
    { id: 'data-sharing', sections: ['basics', 'platforms'], quiz: true, formerIds: ['sharing'], formerSectionIds: { intro: 'basics' } },
    { id: FINAL_ASSESSMENT_ID, sections: [], quiz: true },
  ],
};

type Facts = Pick<LessonProgress, 'sectionsRead' | 'attempts' | 'bestScore'>;
const attempt = (score: number, passed: boolean) => ({ eventId: `e-${score}-${passed}`, score, passed, at: '0' });
const facts = (sectionsRead: string[], ...attempts: Array<ReturnType<typeof attempt>>): Facts => ({
  sectionsRead,
  attempts,
  bestScore: attempts.length ? Math.max(...attempts.map((a) => a.score)) : null,
});

const everything: Record<string, Facts> = {
  'core-experts': facts(['why', 'who', 'how'], attempt(0.6, false), attempt(0.9, true)),
  'data-sharing': facts(['basics', 'platforms'], attempt(0.75, true)),
  [FINAL_ASSESSMENT_ID]: facts([], attempt(0.85, true), attempt(0.7, false)),
};

describe('course completion', () => {
  it('is complete with every section read, every quiz and the final assessment passed, with the best scores', () => {
    expect(courseCompletion(course, everything)).toEqual({ complete: true, scores: { 'core-experts': 0.9, 'data-sharing': 0.75 }, final: 0.85 });
  });

  it('lists, per lesson in course order, the unread sections and whether the quiz is still to pass', () => {
    const progress = { ...everything, 'core-experts': facts(['who'], attempt(0.5, false)), 'data-sharing': facts(['basics', 'platforms']) };
    expect(courseCompletion(course, progress)).toEqual({
      complete: false,
      missing: {
        lessons: [
          { lessonId: 'core-experts', unreadSections: ['why', 'how'], quizPassed: false },
          { lessonId: 'data-sharing', unreadSections: [], quizPassed: false },
        ],
        finalAssessmentPassed: true,
      },
    });
  });

  it('is not complete without a passed final assessment, however good the lessons', () => {
    const progress = { ...everything, [FINAL_ASSESSMENT_ID]: facts([], attempt(0.75, false)) };
    expect(courseCompletion(course, progress)).toEqual({ complete: false, missing: { lessons: [], finalAssessmentPassed: false } });
    const { [FINAL_ASSESSMENT_ID]: _, ...noFinal } = everything;
    expect(courseCompletion(course, noFinal)).toEqual({ complete: false, missing: { lessons: [], finalAssessmentPassed: false } });
  });

  it('is missing everything for a trainee who has done nothing', () => {
    expect(courseCompletion(course, {})).toEqual({
      complete: false,
      missing: {
        lessons: [
          { lessonId: 'core-experts', unreadSections: ['why', 'who', 'how'], quizPassed: false },
          { lessonId: 'data-sharing', unreadSections: ['basics', 'platforms'], quizPassed: false },
        ],
        finalAssessmentPassed: false,
      },
    });
  });

  it("counts progress recorded under a lesson's and a section's former ids", () => {
    const progress = {
      ...everything,
      'data-sharing': facts(['platforms']),
      sharing: facts(['intro'], attempt(0.8, true)),
    };
    expect(courseCompletion(course, progress)).toEqual({ complete: true, scores: { 'core-experts': 0.9, 'data-sharing': 0.8 }, final: 0.85 });
  });

  it('does not count sections the lesson no longer has, nor a lesson named "constructor" from the prototype', () => {
    const withOddIds: CompletionCourse = { lessons: [{ id: 'constructor', sections: ['a'], quiz: true }] };
    expect(courseCompletion(withOddIds, { [FINAL_ASSESSMENT_ID]: everything[FINAL_ASSESSMENT_ID]! })).toMatchObject({ complete: false });
    const progress = { ...everything, 'core-experts': facts(['why', 'who', 'old-section'], attempt(1, true)) };
    expect(courseCompletion(course, progress)).toMatchObject({ complete: false, missing: { lessons: [{ lessonId: 'core-experts', unreadSections: ['how'] }] } });
  });

  it('asks no quiz of a lesson that has none', () => {
    const noQuiz: CompletionCourse = { lessons: [{ id: 'reading-only', sections: ['a'], quiz: false }] };
    const progress = { 'reading-only': facts(['a']), [FINAL_ASSESSMENT_ID]: everything[FINAL_ASSESSMENT_ID]! };
    expect(courseCompletion(noQuiz, progress)).toEqual({ complete: true, scores: { 'reading-only': 0 }, final: 0.85 });
  });
});
