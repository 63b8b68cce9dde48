import type { LessonSummary } from '../../shared/lesson.ts';
import type { LessonProgress } from '../../shared/progress.ts';

export interface LessonStatus {
  read: number;
  total: number;
  passed: boolean;
  bestScore: number | null;
  completed: boolean;
}

/** A lesson's standing for the course list and the lesson page, counting only sections that exist. */
export function lessonStatus(lesson: Pick<LessonSummary, 'sectionIds'>, progress: LessonProgress | undefined): LessonStatus {
  const read = lesson.sectionIds.filter((id) => progress?.sectionsRead.includes(id)).length;
  return {
    read,
    total: lesson.sectionIds.length,
    passed: progress?.attempts.some((a) => a.passed) ?? false,
    bestScore: progress?.bestScore ?? null,
    completed: progress?.completed ?? false,
  };
}

/** Complete means every section read and the quiz passed; then the lesson_completed event is due. */
export const readyToComplete = (s: LessonStatus) => !s.completed && s.read === s.total && s.passed;
