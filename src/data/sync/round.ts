import { SYNC_BATCH_LIMIT, syncResponseSchema } from '../../shared/sync-api.ts';
import { postJson, type ApiFailure, type ApiTransport } from './api-client.ts';
import { applySyncReply } from './apply-reply.ts';
import { unsyncedEvents } from '../outbox/unsynced.ts';
import { ensureDeviceId, type LearnDb } from '../store/learn-db.ts';

export type SyncOutcome =
  /** `held`: events the server refused, now held back on the phone. */
  | { kind: 'synced'; pushed: number; pulled: number; held: number }
  | { kind: 'not_enrolled' }
  | { kind: 'failed'; failure: ApiFailure };

// A guard against a server that always says `more`; the next scheduled sync carries on.
const MAX_ROUNDS = 50;

/**
 * One sync: round trips of "push up to `batchSize` unsynced events, pull after the cursor" until
 * the outbox is empty and the server has nothing more. Each reply is applied in one transaction
 * (apply-reply.ts), which also reads the next batch; a failure leaves every event not named in an
 * earlier reply unsynced, to be sent again: the server acknowledges ids it already holds, so
 * nothing is stored twice.
 */
export async function runSync(db: LearnDb, transport: ApiTransport, batchSize = SYNC_BATCH_LIMIT): Promise<SyncOutcome> {
  let size = Math.min(batchSize, SYNC_BATCH_LIMIT);
  let pushed = 0;
  let pulled = 0;
  let held = 0;
  const deviceId = await ensureDeviceId(db);
  // One read to start (token, cursor, first batch). Later batches start after the newest stamp
  // pushed (apply-reply.ts): the rows before it were just deleted, and IndexedDB (LevelDB) still
  // steps over deleted keys until it compacts, which slows a long sync down round by round when a
  // read starts below them. Events recorded meanwhile stamp later (HLC), so none is skipped; the
  // next run starts from the oldest again anyway. One sync runs at a time (lock.ts), so the token
  // and cursor read here stay this run's own.
  let { token, cursor, events } = await db.transaction('r', [db.meta, db.pending], async () => {
    const [[tokenRow, cursorRow], first] = await Promise.all([db.meta.bulkGet(['token', 'cursor']), unsyncedEvents(db).limit(size).toArray()]);
    return { token: tokenRow?.value as string | undefined, cursor: (cursorRow?.value as number | undefined) ?? 0, events: first };
  });
  if (!token) return { kind: 'not_enrolled' };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sentAt = Date.now();
    const reply = await postJson(transport, '/api/v1/sync', { deviceId, cursor, events }, syncResponseSchema, token);
    if (!reply.ok) {
      // Long notes can push a batch over the server's 1 MB limit, and a slow link can take
      // longer than the server waits for a body: halve the batch and go on.
      if (reply.failure.kind === 'http' && (reply.failure.status === 413 || reply.failure.status === 408) && size > 1) {
        size = Math.ceil(size / 2);
        events = events.slice(0, size);
        continue;
      }
      return { kind: 'failed', failure: reply.failure };
    }
    const { accepted, refused } = reply.value;
    const { next } = await applySyncReply(db, reply.value, { events, sentAt, receivedAt: Date.now() }, size);
    pushed += accepted.length;
    held += refused.length;
    pulled += reply.value.events.length;
    cursor = reply.value.cursor;
    // A batch the server answered none of would come back the same: leave it to the next run.
    const stuck = events.length > 0 && accepted.length + refused.length === 0 && next[0]?.id === events[0]!.id;
    if (!reply.value.more && (next.length === 0 || stuck)) return { kind: 'synced', pushed, pulled, held };
    events = next;
  }
  return { kind: 'synced', pushed, pulled, held };
}
