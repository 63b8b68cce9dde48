import { useMemo } from 'preact/hooks';
import type { LessonProgress } from '../../shared/progress.ts';
import { useLiveQuery } from './use-live-query.ts';

/** One lesson's progress, live; undefined while loading and for a lesson never touched. */
export function useLessonProgress(lessonId: string): LessonProgress | undefined {
  return useLiveQuery((db) => db.progress.get(lessonId), [lessonId]);
}

/** Every touched lesson's progress by lesson id, live; {} while loading. */
export function useCourseProgress(): Record<string, LessonProgress> {
  const rows = useLiveQuery((db) => db.progress.toArray(), []);
  return useMemo(() => Object.fromEntries((rows ?? []).map((p) => [p.lessonId, p])), [rows]);
}
