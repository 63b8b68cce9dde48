import type { LearnerEvent } from '../../shared/events.ts';
import type { SyncResponse } from '../../shared/sync-api.ts';
import { unsyncedEvents } from '../outbox/unsynced.ts';
import { pendingKey, setMeta, type LearnDb, type PendingKey } from '../store/learn-db.ts';
import { foldIntoRows } from '../store/progress-rows.ts';
import { holdBack, refusedEvents } from './held-back.ts';
import { applyReplyClock } from './restamp.ts';

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
    // Reads that do not depend on the outbox go out alongside its update: one wait, not three.
    const [known] = await Promise.all([
      reply.events.length ? (db.events.where('id').anyOf(reply.events.map((e) => e.id)).primaryKeys() as Promise<string[]>) : [],
      takeAnswered(db, sent.events, new Set([...reply.accepted, ...held.map((h) => h.id)])),
      holdBack(db, held),
    ]);
    const { shifted, hlc } = await applyReplyClock(db, reply, sent);

    const seen = new Set(known);
    // A reply never repeats an id, but a Set costs nothing and keeps bulkAdd from failing if it did.
    const fresh = reply.events.filter((e) => !seen.has(e.id) && Boolean(seen.add(e.id)));
    const writes: Array<Promise<unknown>> = [setMeta(db, 'cursor', reply.cursor)];
    if (fresh.length) {
      writes.push(db.events.bulkAdd(fresh), foldIntoRows(db, fresh));
      const newest = fresh.reduce((max, e) => (e.at > max ? e.at : max), fresh[0]!.at);
      // The HLC receive rule: our next stamp must sort after everything we have seen.
      if (!hlc || newest > hlc) writes.push(setMeta(db, 'hlc', newest));
    }
    // Pushed events are the oldest; those restamped back in time sort before them: read from the start.
    const after = shifted > 0 ? undefined : sent.events.at(-1)?.at;
    const [next] = await Promise.all([nextBatch > 0 ? unsyncedEvents(db, after).limit(nextBatch).toArray() : [], ...writes]);
    return { shifted, next };
  });
}

/**
 * Deletes from the outbox the pushed events the server answered for (accepted or refused), and
 * nothing else. A batch is one range of the outbox's keys; when every row in that range was
 * answered for, as usual, it goes with one range delete, else row by row.
 */
async function takeAnswered(db: LearnDb, sent: readonly LearnerEvent[], answered: ReadonlySet<string>): Promise<void> {
  const keys = sent.filter((e) => answered.has(e.id)).map(pendingKey);
  if (keys.length === 0) return;
  const sorted = keys.sort(compareKeys);
  const range = db.pending.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true);
  // An event recorded late (a retry keeps its time) or imported may have landed inside the range.
  const inRange = (await range.primaryKeys()) as PendingKey[];
  if (inRange.every(([, id]) => answered.has(id))) await range.delete();
  else await db.pending.bulkDelete(keys);
}

const compareKeys = (a: PendingKey, b: PendingKey) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
