import { describe, expect, it } from 'vitest';
import { learnerEventSchema, type LearnerEvent } from '../../src/shared/events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { applyEvent, emptyProgress, foldEvents } from '../../src/shared/merge-progress.ts';
import { randomEvents, rng } from './event-generator.ts';

const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

describe('merge rules: generated event sets', () => {
  it('converge to the same progress in any order', () => {
    for (const seed of seeds) {
      const r = rng(seed * 7919);
      const events = randomEvents(seed, 1 + r.int(60));
      const expected = foldEvents(events);
      for (let k = 0; k < 5; k++) expect(foldEvents(r.shuffle(events)), `seed ${seed}`).toStrictEqual(expected);
    }
  });

  it('ignore duplicates, however many and wherever they arrive', () => {
    for (const seed of seeds) {
      const r = rng(seed * 104729);
      const events = randomEvents(seed, 1 + r.int(60));
      const duplicated = r.shuffle([...events, ...events.filter(() => r.next() < 0.5), ...events.filter(() => r.next() < 0.2)]);
      expect(foldEvents(duplicated), `seed ${seed}`).toStrictEqual(foldEvents(events));
    }
  });

  it('give two devices the same progress once each has seen every event, split and synced in any order', () => {
    for (const seed of seeds) {
      const r = rng(seed * 31337);
      const events = randomEvents(seed, 1 + r.int(60));
      // Each device first folds what it recorded, then receives the other's events late, in
      // pages, with some repeats, as the sync engine does.
      const a = events.filter((e) => e.deviceId === 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' || r.next() < 0.3);
      const b = events.filter((e) => !a.includes(e));
      const deviceA = r.shuffle([...b, ...b.filter(() => r.next() < 0.3)]).reduce(foldInto, foldEvents(a));
      const deviceB = r.shuffle([...a, ...a.filter(() => r.next() < 0.3)]).reduce(foldInto, foldEvents(b));
      expect(deviceA, `seed ${seed}`).toStrictEqual(deviceB);
      expect(JSON.stringify(deviceA)).toBe(JSON.stringify(foldEvents(events)));
    }
  });

  it('never lose a read section, a completion or an attempt, whatever arrives later', () => {
    for (const seed of seeds) {
      const events = randomEvents(seed, 40);
      const progress = foldEvents(events);
      for (const e of events) {
        const p = progress[e.lessonId]!;
        if (e.type === 'section_read') expect(p.sectionsRead).toContain(e.payload.sectionId);
        if (e.type === 'lesson_completed') expect(p.completed).toBe(true);
        if (e.type === 'quiz_answered') {
          expect(p.attempts.map((a) => a.eventId)).toContain(e.id);
          expect(p.bestScore).toBeGreaterThanOrEqual(e.payload.score);
        }
      }
    }
  });
});

function foldInto(all: Record<string, ReturnType<typeof emptyProgress>>, e: LearnerEvent) {
  const next = { ...all, [e.lessonId]: applyEvent(all[e.lessonId], e) };
  return Object.fromEntries(Object.entries(next).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

const ev = (over: Partial<LearnerEvent> & Pick<LearnerEvent, 'type' | 'payload'>, n: number): LearnerEvent =>
  learnerEventSchema.parse({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    deviceId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    lessonId: 'intro',
    at: formatHlc(1_700_000_000_000 + n, 0),
    ...over,
  });

describe('merge rules: examples', () => {
  it('starts a lesson empty', () => {
    expect(foldEvents([])).toEqual({});
    expect(emptyProgress('intro')).toMatchObject({ sectionsRead: [], completed: false, bestScore: null, note: '', bookmarks: [] });
  });

  it('keeps every quiz attempt in time order and shows the best score', () => {
    const p = foldEvents([
      ev({ type: 'quiz_answered', payload: { answers: { q1: ['b'] }, score: 0.8, passed: true } }, 2),
      ev({ type: 'quiz_answered', payload: { answers: { q1: ['a'] }, score: 0.4, passed: false } }, 1),
      ev({ type: 'quiz_answered', payload: { answers: { q1: ['c'] }, score: 0.6, passed: true } }, 3),
    ]).intro!;
    expect(p.attempts.map((a) => a.score)).toEqual([0.4, 0.8, 0.6]);
    expect(p.bestScore).toBe(0.8);
  });

  it('shows the later note even when the earlier one arrives last', () => {
    const later = ev({ type: 'note_saved', payload: { text: 'second thoughts' } }, 5);
    const earlier = ev({ type: 'note_saved', payload: { text: 'first draft' } }, 4);
    expect(foldEvents([later, earlier]).intro!.note).toBe('second thoughts');
  });

  it('breaks a note tie between two devices by device id', () => {
    const at = formatHlc(1_700_000_000_000, 3);
    const fromA = ev({ type: 'note_saved', payload: { text: 'from A' }, deviceId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', at }, 1);
    const fromB = ev({ type: 'note_saved', payload: { text: 'from B' }, deviceId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', at }, 2);
    expect(foldEvents([fromB, fromA]).intro!.note).toBe('from B');
    expect(foldEvents([fromA, fromB]).intro!.note).toBe('from B');
  });

  it('lets a later clear remove a bookmark and a later set bring it back, per section', () => {
    const set1 = ev({ type: 'bookmark_set', payload: { sectionId: 's-1' } }, 1);
    const set2 = ev({ type: 'bookmark_set', payload: { sectionId: 's-2' } }, 2);
    const clear1 = ev({ type: 'bookmark_cleared', payload: { sectionId: 's-1' } }, 3);
    expect(foldEvents([clear1, set2, set1]).intro!.bookmarks).toEqual(['s-2']);
    const setAgain = ev({ type: 'bookmark_set', payload: { sectionId: 's-1' } }, 4);
    expect(foldEvents([setAgain, clear1, set1, set2]).intro!.bookmarks).toEqual(['s-1', 's-2']);
  });

  it('keeps sections read and completion once recorded', () => {
    const p = foldEvents([
      ev({ type: 'lesson_completed', payload: {} }, 1),
      ev({ type: 'section_read', payload: { sectionId: 's-2' } }, 2),
      ev({ type: 'section_read', payload: { sectionId: 's-1' } }, 3),
      ev({ type: 'section_read', payload: { sectionId: 's-2' } }, 4),
    ]).intro!;
    expect(p).toMatchObject({ completed: true, sectionsRead: ['s-1', 's-2'] });
  });

  it('does not change the progress object it was given', () => {
    const before = emptyProgress('intro');
    const snapshot = structuredClone(before);
    applyEvent(before, ev({ type: 'note_saved', payload: { text: 'x' } }, 1));
    expect(before).toEqual(snapshot);
  });

  it('returns the very row it was given for an event that changes nothing, so the phone skips the write', () => {
    const read = foldEvents([ev({ type: 'section_read', payload: { sectionId: 's-1' } }, 1)]).intro!;
    expect(applyEvent(read, ev({ type: 'section_read', payload: { sectionId: 's-1' } }, 2))).toBe(read);
    expect(applyEvent(read, ev({ type: 'section_read', payload: { sectionId: 's-2' } }, 3))).not.toBe(read);
    const noted = applyEvent(read, ev({ type: 'note_saved', payload: { text: 'new' } }, 5));
    expect(applyEvent(noted, ev({ type: 'note_saved', payload: { text: 'old' } }, 4))).toBe(noted);
  });
});
