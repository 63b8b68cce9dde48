import { describe, expect, it } from 'vitest';
import { forgettableEvents } from '../../src/shared/compaction.ts';
import { learnerEventSchema, type LearnerEvent } from '../../src/shared/events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';
import { randomEvents, rng } from './event-generator.ts';

const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

/** The events left once the forgettable ones (decided with `final`) are gone. */
function compact(events: LearnerEvent[], final: (e: LearnerEvent) => boolean): LearnerEvent[] {
  const gone = new Set(forgettableEvents(events, final));
  return events.filter((e) => !gone.has(e.id));
}

/** A random split of `events` into final ones (the server holds them) and the rest (still in the outbox). */
function finalSet(events: LearnerEvent[], r: ReturnType<typeof rng>): (e: LearnerEvent) => boolean {
  const share = r.next();
  const ids = new Set(events.filter(() => r.next() < share).map((e) => e.id));
  return (e) => ids.has(e.id);
}

describe('compaction: generated event sets', () => {
  it('leaves the progress exactly as it was, in whatever order the phone holds the events', () => {
    for (const seed of seeds) {
      const r = rng(seed * 6007);
      const events = randomEvents(seed, 1 + r.int(120));
      const final = finalSet(events, r);
      const kept = compact(r.shuffle(events), final);
      expect(foldEvents(kept), `seed ${seed}`).toStrictEqual(foldEvents(events));
      // Only final events go, and never a quiz attempt.
      for (const e of events.filter((x) => !kept.includes(x))) {
        expect(final(e), `seed ${seed}`).toBe(true);
        expect(e.type, `seed ${seed}`).not.toBe('quiz_answered');
      }
    }
  });

  it('leaves the same progress whatever arrives later, late and early stamps alike, and after the outbox is restamped', () => {
    for (const seed of seeds) {
      const r = rng(seed * 7001);
      // Events from one generator share its clocks: later ones interleave with the earlier in time.
      const all = randomEvents(seed, 2 + r.int(160));
      const cut = 1 + r.int(all.length - 1);
      const [held, later] = r.next() < 0.5 ? [all.slice(0, cut), all.slice(cut)] : [all.slice(cut), all.slice(0, cut)];
      const final = finalSet(held, r);
      const kept = compact(held, final);
      // The sync may move events still in the outbox to other stamps (sync/restamp.ts).
      const restamp = (e: LearnerEvent) => (final(e) || r.next() < 0.5 ? e : { ...e, at: formatHlc(1_700_000_000_000 + r.int(4), r.int(3)) });
      const moved = new Map(held.map((e) => [e.id, restamp(e)]));
      const after = (events: LearnerEvent[]) => foldEvents([...events.map((e) => moved.get(e.id)!), ...later]);
      expect(after(kept), `seed ${seed}`).toStrictEqual(after(held));
    }
  });

  it('forgets nothing more the second time, and never the same event twice', () => {
    for (const seed of seeds) {
      const r = rng(seed * 3163);
      const events = randomEvents(seed, 1 + r.int(120));
      const final = finalSet(events, r);
      const gone = forgettableEvents(events, final);
      expect(new Set(gone).size, `seed ${seed}`).toBe(gone.length);
      expect(forgettableEvents(compact(events, final), final), `seed ${seed}`).toEqual([]);
    }
  });
});

describe('compaction: examples', () => {
  const device = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
  let n = 0;
  const event = (type: string, payload: object, wall: number, lessonId = 'intro'): LearnerEvent =>
    learnerEventSchema.parse({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, deviceId: device, lessonId, at: formatHlc(1_700_000_000_000 + wall, 0), type, payload });

  it('keeps the newest final note, each section read once, every attempt, and what the server does not hold yet', () => {
    const notes = [event('note_saved', { text: 'a' }, 1), event('note_saved', { text: 'b' }, 3), event('note_saved', { text: 'c' }, 2)];
    const reads = [event('section_read', { sectionId: 's-1' }, 1), event('section_read', { sectionId: 's-1' }, 2), event('section_read', { sectionId: 's-2' }, 3)];
    const attempts = [event('quiz_answered', { answers: { q1: ['a'] }, score: 0.5, passed: false }, 4), event('quiz_answered', { answers: { q1: ['a'] }, score: 0.5, passed: false }, 5)];
    const waiting = event('note_saved', { text: 'd' }, 9); // in the outbox: it may yet be restamped
    const gone = forgettableEvents([...notes, ...reads, ...attempts, waiting], (e) => e !== waiting);
    expect(gone.sort()).toEqual([notes[0]!.id, notes[2]!.id, reads[1]!.id].sort());
  });

  it('keeps a bookmark clear that wins, so a set written over it stays gone', () => {
    const set = event('bookmark_set', { sectionId: 's-1' }, 1);
    const cleared = event('bookmark_cleared', { sectionId: 's-1' }, 2);
    expect(forgettableEvents([cleared, set], () => true)).toEqual([set.id]);
    expect(foldEvents([cleared]).intro!.bookmarks).toEqual([]);
  });
});
