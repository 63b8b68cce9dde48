import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../src/server/course/catalogue-index.ts';
import { checkEvents, MAX_CLOCK_AHEAD_MS } from '../../src/server/sync/check-events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { event } from './sync-client.ts';
import { testCatalogue } from './test-catalogue.ts';

const device = { deviceId: 'device-0001' };
const ctx = { catalogue: indexCatalogue(testCatalogue), deviceId: device.deviceId, now: Date.now() };
const paths = (events: Parameters<typeof checkEvents>[0]) => checkEvents(events, ctx).map((i) => i.path);

describe('checking events against the course and the clock', () => {
  it('accepts every event type that points into the course', () => {
    expect(
      paths([
        event(device, 'section_read', { sectionId: 'roadmap' }),
        event(device, 'bookmark_set', { sectionId: 'intro' }, { lessonId: 'data-sharing' }),
        event(device, 'bookmark_cleared', { sectionId: 'intro' }, { lessonId: 'data-sharing' }),
        event(device, 'quiz_answered', { answers: { 'q-goal': ['a', 'c'], 'q-law': ['b'] }, score: 0.5, passed: false }),
        event(device, 'lesson_completed', {}),
        event(device, 'note_saved', { text: '' }),
      ]),
    ).toEqual([]);
  });

  it('names the bookmark whose section is not in its lesson', () => {
    expect(paths([event(device, 'bookmark_set', { sectionId: 'roadmap' }, { lessonId: 'data-sharing' })])).toEqual([
      ['events', 0, 'payload', 'sectionId'],
    ]);
  });

  it('allows a stamp exactly 24 hours ahead and refuses one a second later', () => {
    const at = (ms: number) => event(device, 'lesson_completed', {}, { at: formatHlc(ctx.now + ms, 0) });
    expect(paths([at(MAX_CLOCK_AHEAD_MS), at(MAX_CLOCK_AHEAD_MS + 1000)])).toEqual([['events', 1, 'at']]);
  });

  it("reports every fault of one event: another device's, from the future, in no lesson", () => {
    const bad = event({ deviceId: 'device-9999' }, 'lesson_completed', {}, { lessonId: 'nowhere', at: formatHlc(ctx.now + 2 * MAX_CLOCK_AHEAD_MS, 0) });
    expect(paths([bad])).toEqual([
      ['events', 0, 'deviceId'],
      ['events', 0, 'at'],
      ['events', 0, 'lessonId'],
    ]);
  });
});
