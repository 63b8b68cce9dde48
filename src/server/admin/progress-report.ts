import type { Catalogue } from '../../shared/catalogue.ts';
import { withCurrentIds } from '../../shared/course-ids.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import { foldEvents } from '../../shared/merge-progress.ts';

interface LessonReport {
  lessonId: string;
  sectionsRead: number;
  sectionsTotal: number;
  completed: boolean;
  attempts: number;
  bestScore: number | null;
}

/**
 * One trainee's progress per lesson of the course, in course order, from their stored events
 * (flagged ones left out by the caller), folded under the course's current ids by the phone's
 * own merge rules (src/shared/merge-progress.ts), so the office and the trainee see the same.
 * Events for lessons or sections the course does not have count for nothing.
 */
export function lessonReports(events: LearnerEvent[], catalogue: Catalogue): LessonReport[] {
  const progress = foldEvents(events.map((e) => withCurrentIds(catalogue, e)));
  return catalogue.lessons
    .flatMap((lesson) => {
      const p = Object.hasOwn(progress, lesson.id) ? progress[lesson.id] : undefined;
      if (!p) return [];
      return [{
        lessonId: lesson.id,
        sectionsRead: p.sectionsRead.filter((id) => lesson.sections.includes(id)).length,
        sectionsTotal: lesson.sections.length,
        completed: p.completed,
        attempts: p.attempts.length,
        bestScore: p.bestScore,
      }];
    })
    .filter((l) => l.sectionsRead > 0 || l.completed || l.attempts > 0);
}

/**
 * One line per lesson, e.g. "core-experts  sections 3/5  completed  best quiz 80% (2 attempts)";
 * an entry with no sections (the final assessment) is its quiz alone.
 */
export function formatLessonReport(l: LessonReport): string {
  const quiz = l.bestScore === null ? 'no quiz yet' : `best quiz ${Math.round(l.bestScore * 100)}% (${l.attempts} attempt${l.attempts === 1 ? '' : 's'})`;
  if (l.sectionsTotal === 0) return [l.lessonId, quiz].join('  ');
  return [l.lessonId, `sections ${l.sectionsRead}/${l.sectionsTotal}`, l.completed ? 'completed' : 'in progress', quiz].join('  ');
}
