import { describe, expect, it } from 'vitest';
import { pendingKey } from '../../src/data/store/learn-db.ts';
import { applySyncReply } from '../../src/data/sync/apply-reply.ts';
import type { LearnerEvent } from '../../src/shared/events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { freshStore } from './test-store.ts';

const read = (sectionId: string) => ({ type: 'section_read' as const, lessonId: 'intro', payload: { sectionId } });
const reply = (accepted: string[], refused: LearnerEvent[] = []) => ({
  accepted,
  refused: refused.map((e) => ({ id: e.id, index: 0, code: 'invalid_event' as const, message: 'no' })),
  restamped: [],
  events: [],
  cursor: 3,
  more: false,
  serverTime: Date.now(),
});

/*
 * A pushed batch is one range of the outbox's keys and usually goes with one range delete; the
 * acknowledgement must still take exactly the events the server answered for.
 */
describe('taking acknowledged events out of the outbox', () => {
  it('deletes the answered batch and reads the next one in the same transaction', async () => {
    const { db, outbox } = freshStore();
    const events: LearnerEvent[] = [];
    for (let i = 0; i < 5; i++) events.push(await outbox.record(read(`s-${i}`)));
    const sent = events.slice(0, 3);
    const { next } = await applySyncReply(db, reply(sent.slice(0, 2).map((e) => e.id), [sent[2]!]), { events: sent, sentAt: Date.now(), receivedAt: Date.now() }, 10);
    expect((await db.pending.toArray()).map((e) => e.id)).toEqual(events.slice(3).map((e) => e.id));
    expect(next.map((e) => e.id)).toEqual(events.slice(3).map((e) => e.id));
    expect((await db.held.toArray()).map((h) => h.id)).toEqual([sent[2]!.id]);
  });

  it('keeps an event that landed inside the batch range after it was read, and one the server did not name', async () => {
    const { db } = freshStore();
    const deviceId = crypto.randomUUID();
    const at = (ms: number) => formatHlc(1_700_000_000_000 + ms, 0);
    const events: LearnerEvent[] = [0, 2, 4].map((ms, i) => ({ id: crypto.randomUUID(), deviceId, at: at(ms), ...read(`s-${i}`) }));
    await db.pending.bulkAdd(events);
    const [first, middle, last] = events as [LearnerEvent, LearnerEvent, LearnerEvent];
    // A retried event keeps the time it was taken: its stamp can fall between those pushed.
    const late: LearnerEvent = { ...first, id: crypto.randomUUID(), at: at(3) };
    await db.pending.add(late);
    await applySyncReply(db, reply([first.id, last.id]), { events, sentAt: Date.now(), receivedAt: Date.now() });
    expect((await db.pending.toArray()).map((e) => e.id)).toEqual([middle.id, late.id]);
    expect(await db.pending.get(pendingKey(late))).toEqual(late);
  });
});
