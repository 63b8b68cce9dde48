import type { LearnerEvent } from '../../shared/events.ts';

/**
 * Whether two copies of an event id say the same thing: type, lesson, device, stamp and payload,
 * the payload compared by value (key order aside). A retry is the same event; anything else under
 * one id is a conflict, never silently dropped.
 */
export function sameEvent(a: LearnerEvent, b: LearnerEvent): boolean {
  return a.type === b.type && a.lessonId === b.lessonId && a.deviceId === b.deviceId && a.at === b.at && canonical(a.payload) === canonical(b.payload);
}

/** JSON with every object's keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
