import type { LearnerEvent } from '../../shared/events.ts';

/**
 * Whether two copies of one trainee's event id say the same thing: type, lesson, stamp and
 * payload, the payload compared by value (key order aside). A retry is the same event; anything
 * else under one id is a conflict, never silently dropped. The device is not compared: a
 * progress file carries events that never left a broken phone to the trainee's new one, which
 * sends them as its own; should the old phone come back and send them too, they are the same
 * events, not a conflict. (Whose events they are, the caller has checked.)
 */
export function sameEvent(a: LearnerEvent, b: LearnerEvent): boolean {
  return a.type === b.type && a.lessonId === b.lessonId && a.at === b.at && canonical(a.payload) === canonical(b.payload);
}

/** JSON with every object's keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
