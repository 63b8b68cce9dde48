import type { LearnerEvent } from './events.ts';
import { compareStamps } from './hlc.ts';
import type { LessonProgress, WriteStamp } from './progress.ts';

/*
 * The merge rules. Progress is a fold over events, and every rule is commutative, associative and
 * idempotent, so two devices that have seen the same events hold the same progress whatever the
 * order they saw them in, and a replayed event changes nothing:
 *   - sections read and completion only grow (set union, logical or);
 *   - quiz attempts are a set keyed by event id, the best score is their max;
 *   - the note and each section's bookmark are last-writer-wins by (HLC, device id, event id).
 * Arrays are kept sorted so that equal progress is also equal as JSON.
 */

/** Progress of a lesson nobody has touched yet. */
export function emptyProgress(lessonId: string): LessonProgress {
  return {
    lessonId,
    sectionsRead: [],
    completed: false,
    attempts: [],
    bestScore: null,
    bookmarks: [],
    note: '',
    clocks: { note: null, bookmarks: {} },
  };
}

/**
 * The progress after `event`; never mutates `progress`, and applying an event twice is a no-op.
 * An event that changes nothing returns `progress` itself (callers skip the write).
 */
export function applyEvent(progress: LessonProgress | undefined, event: LearnerEvent): LessonProgress {
  const p = progress ?? emptyProgress(event.lessonId);
  const stamp: WriteStamp = { at: event.at, deviceId: event.deviceId, eventId: event.id };
  switch (event.type) {
    case 'section_read': {
      // A section read again returns the same row, so the phone does not rewrite it.
      const sectionsRead = addToSet(p.sectionsRead, event.payload.sectionId);
      return sectionsRead === p.sectionsRead ? p : { ...p, sectionsRead };
    }
    case 'lesson_completed':
      return p.completed ? p : { ...p, completed: true };
    case 'quiz_answered': {
      if (p.attempts.some((a) => a.eventId === event.id)) return p;
      const { score, passed } = event.payload;
      const attempts = [...p.attempts, { eventId: event.id, score, passed, at: event.at }].sort(
        (a, b) => cmp(a.at, b.at) || cmp(a.eventId, b.eventId),
      );
      return { ...p, attempts, bestScore: Math.max(p.bestScore ?? 0, score) };
    }
    case 'note_saved': {
      if (!wins(stamp, p.clocks.note)) return p;
      return { ...p, note: event.payload.text, clocks: { ...p.clocks, note: stamp } };
    }
    case 'bookmark_set':
    case 'bookmark_cleared': {
      const sectionId = event.payload.sectionId;
      if (!wins(stamp, p.clocks.bookmarks[sectionId])) return p;
      const on = event.type === 'bookmark_set';
      const bookmarks = sortKeys({ ...p.clocks.bookmarks, [sectionId]: { ...stamp, on } });
      const shown = Object.keys(bookmarks).filter((id) => bookmarks[id]!.on);
      return { ...p, bookmarks: shown, clocks: { ...p.clocks, bookmarks } };
    }
  }
}

/** Every lesson's progress from a bag of events, in any order, duplicates allowed. */
export function foldEvents(events: Iterable<LearnerEvent>): Record<string, LessonProgress> {
  const out: Record<string, LessonProgress> = {};
  for (const event of events) out[event.lessonId] = applyEvent(out[event.lessonId], event);
  return sortKeys(out);
}

/** True when `candidate` should replace `current` under last-writer-wins. */
export function wins(candidate: WriteStamp, current: WriteStamp | null | undefined): boolean {
  if (!current) return true;
  // The event id only decides between two writes with the same stamp from the same device,
  // which a correct HLC never produces; it keeps the rule total anyway.
  return (compareStamps(candidate, current) || cmp(candidate.eventId, current.eventId)) > 0;
}

function addToSet(sorted: string[], item: string): string[] {
  return sorted.includes(item) ? sorted : [...sorted, item].sort(cmp);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => cmp(a, b)));
}

// Code-unit order, not locale order: the result must not depend on the phone's language.
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
