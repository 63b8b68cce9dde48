import { formatHlc, parseHlc, type Hlc } from '../../shared/hlc.ts';
import type { SyncResponse } from '../../shared/sync-api.ts';
import { unsyncedEvents } from '../outbox/unsynced.ts';
import { pendingKey, setMeta, type LearnDb } from '../store/learn-db.ts';
import { refoldLessons } from '../store/progress-rows.ts';
import type { SentBatch } from './apply-reply.ts';
import { AHEAD_SLACK_MS, broughtBackHlc, clockOffset, shiftedStamps } from './clock.ts';

/** What applyReplyClock reads first; the caller sends these reads out with its own. */
export interface ClockReads {
  /** The outbox's events stamped past the server's time plus slack, except those the reply answered for. */
  ahead: Array<{ id: string; at: Hlc }>;
  /** The device's HLC. */
  hlc: Hlc | undefined;
}

/** The outbox's events stamped past `serverTime` plus the slack: those that may have run ahead. */
export const aheadOf = (db: LearnDb, serverTime: number) => unsyncedEvents(db, formatHlc(serverTime + AHEAD_SLACK_MS, 99_999)).toArray();

/**
 * Puts what a sync reply says about time into the store, inside the caller's transaction:
 * 1. keeps the clock offset, which record() adds to the phone's time from now on;
 * 2. gives this device's events the stamps the server clamped them to (`restamped`), and shifts
 *    the ones still only in the outbox that ran ahead back by the offset;
 * 3. refolds the progress of every lesson whose events moved, since last-writer-wins may now
 *    pick another note or bookmark;
 * 4. brings the device's HLC back if it ran ahead.
 * Resolves with how many outbox events it moved (they now sort before what was pushed) and the
 * device's HLC as it now stands.
 */
export async function applyReplyClock(
  db: LearnDb,
  reply: Pick<SyncResponse, 'accepted' | 'restamped' | 'serverTime'>,
  sent: SentBatch,
  { ahead, hlc }: ClockReads,
): Promise<{ shifted: number; hlc: Hlc | undefined }> {
  const offset = clockOffset(sent.sentAt, sent.receivedAt, reply.serverTime);
  const serverNow = reply.serverTime;
  const shifted = offset < 0 ? shiftedStamps(ahead, offset, serverNow, newestHeldByServer(reply, sent)) : [];
  const moves = [...reply.restamped, ...shifted];
  if (moves.length > 0) await move(db, moves, new Set(shifted.map((s) => s.id)));
  // Only a clock that ran ahead needs the newest stamp still waiting (one more read).
  const ranAhead = hlc !== undefined && parseHlc(hlc).wall > serverNow + AHEAD_SLACK_MS;
  const back = ranAhead ? broughtBackHlc(hlc, serverNow, (await db.pending.orderBy(':id').last())?.at) : hlc;
  await Promise.all([setMeta(db, 'clockOffset', offset), back && back !== hlc ? setMeta(db, 'hlc', back) : undefined]);
  return { shifted: shifted.length, hlc: back };
}

/** The newest stamp among the pushed events the server now holds, as it holds them. */
function newestHeldByServer(reply: Pick<SyncResponse, 'accepted' | 'restamped'>, sent: SentBatch): Hlc | undefined {
  const accepted = new Set(reply.accepted);
  const restamped = new Map(reply.restamped.map((r) => [r.id, r.at]));
  return sent.events
    .filter((e) => accepted.has(e.id))
    .map((e) => restamped.get(e.id) ?? e.at)
    .reduce<Hlc | undefined>((max, at) => (!max || at > max ? at : max), undefined);
}

async function move(db: LearnDb, moves: ReadonlyArray<{ id: string; at: Hlc }>, inOutbox: ReadonlySet<string>) {
  const stored = await db.events.bulkGet(moves.map((m) => m.id));
  const pairs = stored.flatMap((e, i) => (e ? [{ before: e, after: { ...e, at: moves[i]!.at } }] : []));
  await db.events.bulkPut(pairs.map((p) => p.after));
  // The outbox's key holds the stamp: a moved row is a new key.
  const waiting = pairs.filter((p) => inOutbox.has(p.before.id));
  await db.pending.bulkDelete(waiting.map((p) => pendingKey(p.before)));
  await db.pending.bulkPut(waiting.map((p) => p.after));
  await refoldLessons(db, pairs.map((p) => p.after.lessonId));
}
