import type { LearnerEvent } from '../../shared/events.ts';
import type { SyncResponse } from '../../shared/sync-api.ts';
import { getMeta, setMeta, type LearnDb } from '../store/learn-db.ts';
import { foldIntoRows } from '../store/progress-rows.ts';
import { holdBack } from './held-back.ts';
import { applyReplyClock } from './restamp.ts';

/** The request a reply answers: the events it pushed, and when it left and came back (phone time). */
export interface SentBatch {
  events: readonly LearnerEvent[];
  sentAt: number;
  receivedAt: number;
}

/**
 * Applies one sync reply in one transaction: takes exactly the accepted ids out of the outbox,
 * holds back the refused ones (held-back.ts), puts the server's time and stamps into effect
 * (restamp.ts), stores the pulled events the phone does not have yet, folds them into progress
 * with the same rules as local events, moves the HLC past them and saves the cursor. Because the
 * cursor is saved with the events, a crash half-way leaves either both or neither, and a re-pull
 * is harmless anyway. Resolves with how many outbox events were restamped earlier (see restamp.ts).
 */
export async function applySyncReply(db: LearnDb, reply: SyncResponse, sent: SentBatch = { events: [], sentAt: reply.serverTime, receivedAt: reply.serverTime }): Promise<number> {
  return db.transaction('rw', [db.events, db.outbox, db.held, db.progress, db.meta], async () => {
    if (reply.accepted.length) await db.outbox.bulkDelete(reply.accepted);
    await holdBack(db, sent.events, reply.refused, sent.receivedAt);
    const shifted = await applyReplyClock(db, reply, sent);

    const known = new Set((await db.events.where('id').anyOf(reply.events.map((e) => e.id)).primaryKeys()) as string[]);
    // A reply never repeats an id, but a Set costs nothing and keeps bulkAdd from failing if it did.
    const fresh = reply.events.filter((e) => !known.has(e.id) && Boolean(known.add(e.id)));
    if (fresh.length) {
      await db.events.bulkAdd(fresh);
      await foldIntoRows(db, fresh);
      const newest = fresh.reduce((max, e) => (e.at > max ? e.at : max), fresh[0]!.at);
      const hlc = await getMeta(db, 'hlc');
      // The HLC receive rule: our next stamp must sort after everything we have seen.
      if (!hlc || newest > hlc) await setMeta(db, 'hlc', newest);
    }
    await setMeta(db, 'cursor', reply.cursor);
    return shifted;
  });
}


