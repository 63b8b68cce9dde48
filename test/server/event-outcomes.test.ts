import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../src/server/course/catalogue-index.ts';
import { clampStamps, isTooFarAhead, MAX_CLOCK_AHEAD_MS } from '../../src/server/sync/clamp-stamps.ts';
import { placeEvent } from '../../src/server/sync/place-event.ts';
import { readPushedEvents } from '../../src/server/sync/read-pushed-events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { event } from './sync-client.ts';
import { renamedCatalogue, testCatalogue } from './test-catalogue.ts';

const device = { deviceId: randomUUID() };
const course = indexCatalogue(testCatalogue);
const now = Date.now();

describe('placing events in the course', () => {
  it('places every event type that points into the course', () => {
    const events = [
      event(device, 'section_read', { sectionId: 'roadmap' }),
      event(device, 'bookmark_set', { sectionId: 'intro' }, { lessonId: 'data-sharing' }),
      event(device, 'bookmark_cleared', { sectionId: 'intro' }, { lessonId: 'data-sharing' }),
      event(device, 'quiz_answered', { answers: { 'q-goal': ['a', 'c'], 'q-law': ['b'] }, score: 0.5, passed: false }),
      event(device, 'lesson_completed', {}),
      event(device, 'note_saved', { text: '' }),
    ];
    expect(events.map((e) => placeEvent(e, course))).toEqual(events.map(() => undefined));
  });

  it('flags a lesson or section the course does not have', () => {
    expect(placeEvent(event(device, 'lesson_completed', {}, { lessonId: 'nowhere' }), course)).toBe('unknown_lesson');
    expect(placeEvent(event(device, 'bookmark_set', { sectionId: 'roadmap' }, { lessonId: 'data-sharing' }), course)).toBe('unknown_section');
    expect(placeEvent(event(device, 'quiz_answered', { answers: { 'q-goal': ['a'] }, score: 1, passed: true }, { lessonId: 'nowhere' }), course)).toBe('unknown_lesson');
    // A quiz attempt whose questions a later course rewrote still counts: the test was taken.
    expect(placeEvent(event(device, 'quiz_answered', { answers: { 'q-nope': ['a'] }, score: 0, passed: false }), course)).toBeUndefined();
    expect(placeEvent(event(device, 'quiz_answered', { answers: { 'q-goal': ['a', 'z'] }, score: 0, passed: false }), course)).toBeUndefined();
    // "constructor" is a valid id, and no Object.prototype property may pass for a section.
    expect(placeEvent(event(device, 'section_read', { sectionId: 'constructor' }), course)).toBe('unknown_section');
  });

  it('places events recorded against a former lesson or section id under the current one', () => {
    const renamed = indexCatalogue(renamedCatalogue);
    expect(placeEvent(event(device, 'section_read', { sectionId: 'what-is-it' }), renamed)).toBeUndefined();
    expect(placeEvent(event(device, 'lesson_completed', {}, { lessonId: 'data-sharing' }), renamed)).toBeUndefined();
    expect(placeEvent(event(device, 'section_read', { sectionId: 'intro' }, { lessonId: 'data-sharing' }), renamed)).toBeUndefined();
    expect(placeEvent(event(device, 'section_read', { sectionId: 'platforms' }, { lessonId: 'data-sharing' }), renamed)).toBeUndefined();
    expect(placeEvent(event(device, 'section_read', { sectionId: 'gone' }, { lessonId: 'data-sharing' }), renamed)).toBe('unknown_section');
  });
});

describe('the clock', () => {
  it('takes a stamp exactly 24 hours ahead as it is and clamps one a second later', () => {
    expect(isTooFarAhead(formatHlc(now + MAX_CLOCK_AHEAD_MS, 0), now)).toBe(false);
    expect(isTooFarAhead(formatHlc(now + MAX_CLOCK_AHEAD_MS + 1000, 0), now)).toBe(true);
  });

  it('clamps to the server millisecond in the order of the stamps sent, after what the device has stored', () => {
    const ahead = [
      { id: 'b', at: formatHlc(now + 3 * MAX_CLOCK_AHEAD_MS, 0) },
      { id: 'a', at: formatHlc(now + 2 * MAX_CLOCK_AHEAD_MS, 7) },
      { id: 'c', at: formatHlc(now + 3 * MAX_CLOCK_AHEAD_MS, 1) },
    ];
    expect([...clampStamps(ahead, now, undefined)]).toEqual([
      ['a', formatHlc(now, 0)],
      ['b', formatHlc(now, 1)],
      ['c', formatHlc(now, 2)],
    ]);
    const storedAhead = formatHlc(now + 60_000, 4); // the device already stored a stamp a minute ahead
    expect([...clampStamps(ahead, now, storedAhead).values()]).toEqual([formatHlc(now + 60_000, 5), formatHlc(now + 60_000, 6), formatHlc(now + 60_000, 7)]);
    expect(clampStamps(ahead.slice(0, 1), now, formatHlc(now, 99_999)).get('b')).toBe(formatHlc(now + 1, 0));
  });
});

describe('reading a batch event by event', () => {
  it("refuses another device's event, a malformed one and one id with two contents, and reads the rest", () => {
    const mine = event(device, 'section_read', { sectionId: 'roadmap' });
    const twice = event(device, 'note_saved', { text: 'một' });
    const clash = event(device, 'note_saved', { text: 'hai' });
    const raw = [
      mine,
      event({ deviceId: randomUUID() }, 'lesson_completed', {}),
      { ...event(device, 'lesson_completed', {}), at: 'yesterday' },
      'not an event',
      twice,
      { ...twice },
      clash,
      { ...clash, payload: { text: 'ba' } },
    ];
    const { pushed, refused } = readPushedEvents(raw, device.deviceId);
    expect(pushed.map((p) => [p.index, p.event.id])).toEqual([[0, mine.id], [4, twice.id]]);
    expect(refused.map((r) => [r.index, r.code])).toEqual([
      [1, 'not_own_event'],
      [2, 'invalid_event'],
      [3, 'invalid_event'],
      [6, 'id_conflict'],
      [7, 'id_conflict'],
    ]);
    expect(refused[1]).toMatchObject({ id: (raw[2] as { id: string }).id, message: expect.stringContaining('at at') });
    expect(refused[2]!.id).toBeNull();
  });
});
