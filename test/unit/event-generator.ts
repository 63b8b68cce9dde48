import { learnerEventSchema, type LearnerEvent } from '../../src/shared/events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';

/** Seeded helpers, so a failing case can be replayed from its seed. */
export function rng(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const uuid = () =>
    'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) =>
      (c === 'x' ? int(16) : 8 + int(4)).toString(16),
    );
  const shuffle = <T>(items: T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, uuid, shuffle };
}

const lessons = ['intro', 'data-sharing', 'cyber-safety'] as const;
const sections = ['s-1', 's-2', 's-3', 's-4'] as const;
const devices = ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'] as const;

/**
 * Random events from a few devices. Each device's clock only moves forward, but devices share
 * wall times often, so equal HLC stamps across devices (ties broken by device id) come up a lot.
 */
export function randomEvents(seed: number, count: number): LearnerEvent[] {
  const r = rng(seed);
  const clocks = new Map<string, { wall: number; counter: number }>();
  const events: LearnerEvent[] = [];
  for (let i = 0; i < count; i++) {
    const deviceId = r.pick(devices);
    const prev = clocks.get(deviceId) ?? { wall: 1_700_000_000_000, counter: 0 };
    const clock = r.next() < 0.5 ? { wall: prev.wall, counter: prev.counter + 1 } : { wall: prev.wall + r.int(3), counter: 0 };
    if (clock.wall === prev.wall && clock.counter === 0) clock.counter = prev.counter + 1;
    clocks.set(deviceId, clock);
    const base = { id: r.uuid(), deviceId, lessonId: r.pick(lessons), at: formatHlc(clock.wall, clock.counter) };
    const kind = r.int(6);
    const sectionId = r.pick(sections);
    const event =
      kind === 0
        ? { ...base, type: 'section_read', payload: { sectionId } }
        : kind === 1
          ? { ...base, type: 'quiz_answered', payload: { answers: { q1: ['a'] }, score: r.int(11) / 10, passed: r.next() < 0.5 } }
          : kind === 2
            ? { ...base, type: 'lesson_completed', payload: {} }
            : kind === 3
              ? { ...base, type: r.next() < 0.6 ? 'bookmark_set' : 'bookmark_cleared', payload: { sectionId } }
              : kind === 4
                ? { ...base, type: 'note_saved', payload: { text: r.next() < 0.2 ? '' : `note ${i}` } }
                : { ...base, type: 'section_read', payload: { sectionId } };
    events.push(learnerEventSchema.parse(event));
  }
  return events;
}
