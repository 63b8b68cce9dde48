import type { Catalogue } from '../../shared/catalogue.ts';
import type { LearnerEvent } from '../../shared/events.ts';

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
 * One trainee's progress per lesson from their stored events, by the same rules as the phone:
 * sections read and completion only grow, every quiz attempt counts and the best score shows.
 */
export function lessonReports(events: LearnerEvent[], catalogue?: Catalogue): LessonReport[] {
  const lessons = new Map<string, { sections: Set<string>; completed: boolean; attempts: number; best: number | null }>();
  for (const event of events) {
    let lesson = lessons.get(event.lessonId);
    if (!lesson) lessons.set(event.lessonId, (lesson = { sections: new Set(), completed: false, attempts: 0, best: null }));
    if (event.type === 'section_read') lesson.sections.add(event.payload.sectionId);
    if (event.type === 'lesson_completed') lesson.completed = true;
    if (event.type === 'quiz_answered') {
      lesson.attempts += 1;
      lesson.best = Math.max(lesson.best ?? 0, event.payload.score);
    }
  }
  const order = catalogue?.lessons.map((l) => l.id) ?? [];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...lessons]
    .map(([lessonId, l]) => ({
      lessonId,
      sectionsRead: l.sections.size,
      sectionsTotal: catalogue?.lessons.find((c) => c.id === lessonId)?.sections.length,
      completed: l.completed,
      attempts: l.attempts,
      bestScore: l.best,
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
