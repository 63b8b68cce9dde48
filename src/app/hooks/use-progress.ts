import type { LessonProgress } from '../../shared/progress.ts';
import { useLive } from './use-live.ts';

/** One lesson's progress, live; undefined while loading and for a lesson never touched. */
export function useLessonProgress(lessonId: string): LessonProgress | undefined {
  return useLive((data) => data.lessonProgress(lessonId), [lessonId]);
}

/** Every touched lesson's progress by lesson id, live; undefined until the data layer has answered. */
export function useCourseProgress(): Record<string, LessonProgress> | undefined {
  return useLive((data) => data.courseProgress(), []);
}
