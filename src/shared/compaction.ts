import type { LearnerEvent } from './events.ts';
import { wins } from './merge-progress.ts';
import type { WriteStamp } from './progress.ts';

/*
 * Which of a phone's events it may forget: a year of study is tens of thousands of events, most of
 * them a section read again or a note or bookmark written over, and a store that size makes every
 * IndexedDB write slower (README, "a year of study"). The server keeps every event; the phone
 * keeps enough that its progress stays the same, now and whatever arrives later:
 *   - a section read or a completion: one final event per lesson and section (a set only grows);
 *   - a note or a section's bookmark: the final event that wins among the final ones (any later
 *     write still has to beat it, as it had to beat the others);
 *   - quiz attempts: all of them (each is an attempt of its own).
 * Only final events go, and only a final one may stand in for them: one the server holds, whose
 * stamp no longer changes. An event still in the outbox may be restamped earlier by the sync
 * (sync/restamp.ts), so it neither goes nor counts as the winner.
 */

/** The key under which events stand in for one another, or undefined for one that is always kept. */
function keyOf(event: LearnerEvent): string | undefined {
  switch (event.type) {
    case 'section_read':
      return `${event.lessonId}\u0000read\u0000${event.payload.sectionId}`;
    case 'lesson_completed':
      return `${event.lessonId}\u0000completed`;
    case 'note_saved':
      return `${event.lessonId}\u0000note`;
    case 'bookmark_set':
    case 'bookmark_cleared':
      return `${event.lessonId}\u0000bookmark\u0000${event.payload.sectionId}`;
    case 'quiz_answered':
      return undefined;
  }
}

const isWrite = (event: LearnerEvent) => event.type === 'note_saved' || event.type === 'bookmark_set' || event.type === 'bookmark_cleared';
const stampOf = (event: LearnerEvent): WriteStamp => ({ at: event.at, deviceId: event.deviceId, eventId: event.id });

/**
 * The ids of the events in `events` that change no progress beside the rest, however the events
 * are ordered and whatever arrives later. `final(event)`: the server holds it (it is in neither
 * the outbox nor the held-back events).
 */
export function forgettableEvents(events: Iterable<LearnerEvent>, final: (event: LearnerEvent) => boolean): string[] {
  const kept = new Map<string, LearnerEvent>();
  const forgettable: string[] = [];
  for (const event of events) {
    const key = keyOf(event);
    if (key === undefined || !final(event)) continue;
    const current = kept.get(key);
    if (!current) kept.set(key, event);
    else if (current.id === event.id) continue; // the same event twice: nothing to forget
    else if (isWrite(event) && wins(stampOf(event), stampOf(current))) {
      forgettable.push(current.id);
      kept.set(key, event);
    } else forgettable.push(event.id);
  }
  return forgettable;
}
