/// <reference path="./virtual-course-index.d.ts" />
import index from 'virtual:course-index';
import type { FINAL_ASSESSMENT_ID, LessonSummary } from '../../shared/lesson.ts';
import { prefetchJson } from './fetch-json.ts';

/** The lesson list, compiled into the app at build time: the course list needs no fetch. */
export const course = index;

/**
 * The lesson id the final assessment's attempts are recorded under. Written out rather than
 * imported: the home screen needs it, and src/shared/lesson.ts would bring zod into the first
 * load; the type keeps it equal to the shared constant.
 */
export const finalAssessmentId: typeof FINAL_ASSESSMENT_ID = 'final-assessment';

/** Where the final assessment lives in the app. */
export const FINAL_ASSESSMENT_PATH = '/final';

export function lessonSummary(id: string): LessonSummary | undefined {
  return course.lessons.find((l) => l.id === id);
}

/** The lessons before and after `id` in course order, for previous/next links. */
export function neighbours(id: string): { previous?: LessonSummary | undefined; next?: LessonSummary | undefined } {
  const i = course.lessons.findIndex((l) => l.id === id);
  if (i < 0) return {};
  return { previous: course.lessons[i - 1], next: course.lessons[i + 1] };
}

/** Starts downloading the lesson a path like /lessons/<id> shows; false when it shows none. */
export function prefetchLessonAt(pathname: string): boolean {
  const id = /^\/lessons\/([^/]+)\/?$/.exec(pathname)?.[1];
  const summary = id ? lessonSummary(decodeURIComponent(id)) : undefined;
  if (summary) prefetchJson(summary.url);
  return !!summary;
}
