import type { LearnerEvent } from '../../shared/events.ts';
import { type Hlc, parseHlc } from '../../shared/hlc.ts';

/*
 * The dashboard's rollups as pure folds, so the sync's insert path and the rebuild from stored
 * events give the same rows. Events come in placed (never flagged) and under the course's current
 * ids. Each fold only grows or replaces by a total order, so a batch may be folded in any order.
 */

/** One trainee's progress in one lesson, as the dashboard reads it. */
export interface LessonRollup {
  lessonId: string;
  /** Section ids read, sorted. */
  sections: string[];
  completed: boolean;
  /** Quiz attempts: each stored quiz event is folded once (the events table keeps one copy of an id). */
  attempts: number;
  bestScore: number | null;
  passed: boolean;
  /** The note's winning write; only whether it holds text is kept, never the text. */
  note: { at: Hlc; deviceId: string; eventId: string; present: boolean } | null;
  /** The newest stamp of any event in the lesson. */
  lastAt: Hlc;
}

/** A trainee's first answer to a question: from the attempt with the earliest stamp. */
export interface FirstAnswer {
  lessonId: string;
  questionId: string;
  at: Hlc;
  eventId: string;
  /** Option ids chosen, sorted. */
  options: string[];
}

/** The trainee's row: what the dashboard's tables add up per unit, province or cohort. */
export interface TraineeSummary {
  lessonsCompleted: number;
  scoreSum: number;
  scored: number;
  finalPassed: boolean;
  courseCompleted: boolean;
  notes: number;
  lastActivityAt: string | null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Folds the events into `rows` (by lesson id), in place; returns the lesson ids whose row changed. */
export function foldLessons(rows: Map<string, LessonRollup>, events: readonly LearnerEvent[]): Set<string> {
  const changed = new Set<string>();
  for (const event of events) {
    const row = rows.get(event.lessonId) ?? emptyLesson(event);
    rows.set(event.lessonId, row);
    changed.add(event.lessonId);
    if (event.at > row.lastAt) row.lastAt = event.at;
    switch (event.type) {
      case 'section_read':
        if (!row.sections.includes(event.payload.sectionId)) row.sections = [...row.sections, event.payload.sectionId].sort(cmp);
        break;
      case 'lesson_completed':
        row.completed = true;
        break;
      case 'quiz_answered':
        row.attempts += 1;
        row.bestScore = Math.max(row.bestScore ?? 0, event.payload.score);
        row.passed ||= event.payload.passed;
        break;
      case 'note_saved': {
        // Last writer wins by stamp, then device, then event id: the phone's own rule (merge-progress.ts).
        const candidate = { at: event.at, deviceId: event.deviceId, eventId: event.id };
        const current = row.note;
        const order = current ? cmp(candidate.at, current.at) || cmp(candidate.deviceId, current.deviceId) || cmp(candidate.eventId, current.eventId) : 1;
        if (order > 0) row.note = { ...candidate, present: event.payload.text !== '' };
        break;
      }
      case 'bookmark_set':
      case 'bookmark_cleared':
        break; // activity only
    }
  }
  return changed;
}

function emptyLesson(event: LearnerEvent): LessonRollup {
  return { lessonId: event.lessonId, sections: [], completed: false, attempts: 0, bestScore: null, passed: false, note: null, lastAt: event.at };
}

const answerKey = (lessonId: string, questionId: string) => `${lessonId}\u0000${questionId}`;

/**
 * Folds quiz events into the first answers (keyed by lesson and question), in place; returns the
 * keys that changed. An attempt made earlier but synced later (an offline phone) takes the place
 * of the one stored: "first" is by stamp, then event id, never by arrival.
 */
export function foldFirstAnswers(firsts: Map<string, FirstAnswer>, events: readonly LearnerEvent[]): Set<string> {
  const changed = new Set<string>();
  for (const event of events) {
    if (event.type !== 'quiz_answered') continue;
    for (const [questionId, chosen] of Object.entries(event.payload.answers)) {
      const key = answerKey(event.lessonId, questionId);
      const current = firsts.get(key);
      if (current && (cmp(event.at, current.at) || cmp(event.id, current.eventId)) >= 0) continue;
      firsts.set(key, { lessonId: event.lessonId, questionId, at: event.at, eventId: event.id, options: [...new Set(chosen)].sort(cmp) });
      changed.add(key);
    }
  }
  return changed;
}

/** The key foldFirstAnswers uses for a stored answer. */
export const keyOf = (answer: Pick<FirstAnswer, 'lessonId' | 'questionId'>) => answerKey(answer.lessonId, answer.questionId);

/**
 * The trainee's summary from all their lesson rows. `lessons` are the course's lessons (the final
 * assessment aside): the course is completed when each of them is and the final is passed.
 */
export function summarise(rows: Iterable<LessonRollup>, course: { lessons: readonly string[]; finalId: string }): TraineeSummary {
  const all = [...rows];
  const scored = all.filter((r) => r.bestScore !== null);
  const lessonsCompleted = all.filter((r) => r.completed && course.lessons.includes(r.lessonId)).length;
  const finalPassed = all.some((r) => r.lessonId === course.finalId && r.passed);
  const newest = all.reduce<Hlc | null>((max, r) => (max === null || r.lastAt > max ? r.lastAt : max), null);
  return {
    lessonsCompleted,
    scoreSum: scored.reduce((sum, r) => sum + r.bestScore!, 0),
    scored: scored.length,
    finalPassed,
    courseCompleted: course.lessons.length > 0 && lessonsCompleted === course.lessons.length && finalPassed,
    notes: all.filter((r) => r.note?.present).length,
    lastActivityAt: newest === null ? null : new Date(parseHlc(newest).wall).toISOString(),
  };
}
