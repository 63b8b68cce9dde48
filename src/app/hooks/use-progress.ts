import type { LessonProgress } from '../../shared/progress.ts';
import { useLive } from './use-live.ts';

/** One lesson's progress, live; undefined while loading and for a lesson never touched. */
export function useLessonProgress(lessonId: string): LessonProgress | undefined {
  return useLive((data) => data.lessonProgress(lessonId), [lessonId]);
}

const none: Record<string, LessonProgress> = {};

/** Every touched lesson's progress by lesson id, live; {} while loading. */
export function useCourseProgress(): Record<string, LessonProgress> {
  return useLive((data) => data.courseProgress(), []) ?? none;
}
