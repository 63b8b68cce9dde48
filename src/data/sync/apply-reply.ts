import type { LearnerEvent } from '../../shared/events.ts';
import type { SyncResponse } from '../../shared/sync-api.ts';
import { unsyncedEvents } from '../outbox/unsynced.ts';
import { getMeta, pendingKey, setMeta, type LearnDb, type PendingKey } from '../store/learn-db.ts';
import { foldIntoRows } from '../store/progress-rows.ts';
import { holdBack, refusedEvents } from './held-back.ts';
import { aheadOf, applyReplyClock } from './restamp.ts';

/** The request a reply answers: the events it pushed, and when it left and came back (phone time). */
export interface SentBatch {
  events: readonly LearnerEvent[];
  sentAt: number;
  receivedAt: number;
}

/** What applying a reply did, and the outbox's next batch when one was asked for. */
export interface AppliedReply {
  /** How many outbox events were restamped earlier (see restamp.ts): they now sort before what was pushed. */
  shifted: number;
  /** Up to `nextBatch` outbox events after the ones pushed (from the oldest when some were shifted). */
  next: LearnerEvent[];
}

/**
 * Applies one sync reply in one transaction: takes exactly the accepted ids out of the outbox,
 * holds back the refused ones (held-back.ts), puts the server's time and stamps into effect
 * (restamp.ts), stores the pulled events the phone does not have yet, folds them into progress
 * with the same rules as local events, moves the HLC past them and saves the cursor. Because the
 * cursor is saved with the events, a crash half-way leaves either both or neither, and a re-pull
 * is harmless anyway. With `nextBatch`, the same transaction reads the next events to push, so a
 * sync round is one transaction on the phone.
 */
export async function applySyncReply(
  db: LearnDb,
  reply: SyncResponse,
  sent: SentBatch = { events: [], sentAt: reply.serverTime, receivedAt: reply.serverTime },
  nextBatch = 0,
): Promise<AppliedReply> {
  return db.transaction('rw', [db.events, db.pending, db.held, db.progress, db.meta], async () => {
    const held = refusedEvents(sent.events, reply.refused, sent.receivedAt);
    const answered = new Set([...reply.accepted, ...held.map((h) => h.id)]);
    const pushedUpTo = sent.events.at(-1)?.at;
    // Every read goes out at once, with the writes that need none of them: one wait, not six.
    // The outbox's rows are read before the answered ones go, so those are left out by id.
    const [known, inRange, ahead, hlc, next] = await Promise.all([
      reply.events.length ? (db.events.where('id').anyOf(reply.events.map((e) => e.id)).primaryKeys() as Promise<string[]>) : [],
      answeredRange(db, sent.events, answered).primaryKeys() as Promise<PendingKey[]>,
      aheadOf(db, reply.serverTime),
      getMeta(db, 'hlc'),
      nextBatch > 0 ? unsyncedEvents(db, pushedUpTo).limit(nextBatch).toArray() : [],
      holdBack(db, held),
      setMeta(db, 'cursor', reply.cursor),
    ]);
    await takeAnswered(db, sent.events, answered, inRange);
    const clock = await applyReplyClock(db, reply, sent, { ahead: ahead.filter((e) => !answered.has(e.id)), hlc });

    const seen = new Set(known);
    // A reply never repeats an id, but a Set costs nothing and keeps bulkAdd from failing if it did.
    const fresh = reply.events.filter((e) => !seen.has(e.id) && Boolean(seen.add(e.id)));
    if (fresh.length) {
      const newest = fresh.reduce((max, e) => (e.at > max ? e.at : max), fresh[0]!.at);
      await Promise.all([
        db.events.bulkAdd(fresh),
        foldIntoRows(db, fresh),
        // The HLC receive rule: our next stamp must sort after everything we have seen.
        !clock.hlc || newest > clock.hlc ? setMeta(db, 'hlc', newest) : undefined,
      ]);
    }
    // Events restamped back in time sort before what was pushed: read from the oldest again.
    if (clock.shifted > 0 && nextBatch > 0) return { shifted: clock.shifted, next: await unsyncedEvents(db).limit(nextBatch).toArray() };
    return { shifted: clock.shifted, next: next.filter((e) => !answered.has(e.id)) };
  });
}

/** The outbox's keys from the first to the last pushed event the server answered for. */
function answeredRange(db: LearnDb, sent: readonly LearnerEvent[], answered: ReadonlySet<string>) {
  const keys = sent.filter((e) => answered.has(e.id)).map(pendingKey).sort(compareKeys);
  // No key is in an empty range: [max, min] would be refused, so an empty set of keys reads nothing.
  return keys.length ? db.pending.where(':id').between(keys[0]!, keys.at(-1)!, true, true) : db.pending.where(':id').anyOf([]);
}

/**
 * Deletes from the outbox the pushed events the server answered for (accepted or refused), and
 * nothing else. A batch is one range of the outbox's keys (`inRange` holds that range's keys as
 * read in this transaction); when every row in it was answered for, as usual, it goes with one
 * range delete, else row by row: an event recorded late (a retry keeps its time) or imported
 * may have landed inside the range.
 */
async function takeAnswered(db: LearnDb, sent: readonly LearnerEvent[], answered: ReadonlySet<string>, inRange: readonly PendingKey[]): Promise<void> {
  if (inRange.length === 0) return;
  if (inRange.every(([, id]) => answered.has(id))) await answeredRange(db, sent, answered).delete();
  else await db.pending.bulkDelete(inRange.filter(([, id]) => answered.has(id)));
}

const compareKeys = (a: PendingKey, b: PendingKey) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
