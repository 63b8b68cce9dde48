import type { Catalogue } from '../../shared/catalogue.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import { foldEvents } from '../../shared/merge-progress.ts';

export interface LessonReport {
  lessonId: string;
  sectionsRead: number;
  /** Sections in the lesson, when the catalogue is known. */
  sectionsTotal: number | undefined;
  completed: boolean;
  attempts: number;
  bestScore: number | null;
}

/**
 * One trainee's progress per lesson from their stored events, folded by the phone's own merge
 * rules (src/shared/merge-progress.ts), so the office and the trainee always see the same.
 */
export function lessonReports(events: LearnerEvent[], catalogue?: Catalogue): LessonReport[] {
  const order = catalogue?.lessons.map((l) => l.id) ?? [];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return Object.values(foldEvents(events))
    .map((p) => ({
      lessonId: p.lessonId,
      sectionsRead: p.sectionsRead.length,
      sectionsTotal: catalogue?.lessons.find((c) => c.id === p.lessonId)?.sections.length,
      completed: p.completed,
      attempts: p.attempts.length,
      bestScore: p.bestScore,
    }))
    .filter((l) => l.sectionsRead > 0 || l.completed || l.attempts > 0)
    .sort((a, b) => rank(a.lessonId) - rank(b.lessonId) || a.lessonId.localeCompare(b.lessonId));
}

/** One line per lesson, e.g. "core-experts  sections 3/5  completed  best quiz 80% (2 attempts)". */
export function formatLessonReport(l: LessonReport): string {
  const sections = `sections ${l.sectionsRead}${l.sectionsTotal === undefined ? '' : `/${l.sectionsTotal}`}`;
  const quiz = l.bestScore === null ? 'no quiz yet' : `best quiz ${Math.round(l.bestScore * 100)}% (${l.attempts} attempt${l.attempts === 1 ? '' : 's'})`;
  return [l.lessonId, sections, l.completed ? 'completed' : 'in progress', quiz].join('  ');
}
