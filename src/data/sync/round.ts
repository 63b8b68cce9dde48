import { SYNC_BATCH_LIMIT, syncResponseSchema, type SyncRequest } from '../../shared/sync-api.ts';
import { postJson, type ApiFailure, type ApiTransport } from './api-client.ts';
import { applySyncReply } from './apply-reply.ts';
import { unsyncedEvents } from '../outbox/unsynced.ts';
import type { LearnerEvent } from '../../shared/events.ts';
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
 * (apply-reply.ts); a failure leaves every event not named in an earlier reply unsynced, to be
 * sent again: the server acknowledges ids it already holds, so nothing is stored twice.
 */
export async function runSync(db: LearnDb, transport: ApiTransport, batchSize = SYNC_BATCH_LIMIT): Promise<SyncOutcome> {
  let size = Math.min(batchSize, SYNC_BATCH_LIMIT);
  let pushed = 0;
  let pulled = 0;
  let held = 0;
  // The newest stamp this run has pushed. Each round reads the outbox after it: the rows before
  // it were just deleted, and IndexedDB (LevelDB) still steps over deleted keys until it
  // compacts, which slows a long sync down round by round when a read starts below them.
  // Events recorded meanwhile stamp later (HLC), so none is skipped; the next run starts from
  // the oldest again anyway.
  let after: string | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const [tokenRow, cursorRow] = await db.meta.bulkGet(['token', 'cursor']);
    const token = tokenRow?.value as string | undefined;
    if (!token) return { kind: 'not_enrolled' };
    const events = await outbox(db, size, after);
    const request: SyncRequest = { deviceId: await ensureDeviceId(db), cursor: (cursorRow?.value as number | undefined) ?? 0, events };
    const sentAt = Date.now();
    const reply = await postJson(transport, '/api/v1/sync', request, syncResponseSchema, token);
    if (!reply.ok) {
      // Long notes can push a batch over the server's 1 MB limit, and a slow link can take
      // longer than the server waits for a body: halve the batch and go on.
      if (reply.failure.kind === 'http' && (reply.failure.status === 413 || reply.failure.status === 408) && size > 1) {
        size = Math.ceil(size / 2);
        continue;
      }
      return { kind: 'failed', failure: reply.failure };
    }
    const { accepted, refused } = reply.value;
    const shifted = await applySyncReply(db, reply.value, { events, sentAt, receivedAt: Date.now() });
    // Events restamped back in time now sort before what was pushed: read from the start again.
    after = shifted > 0 ? undefined : (events.at(-1)?.at ?? after);
    pushed += accepted.length;
    held += refused.length;
    pulled += reply.value.events.length;
    const outboxMayHaveMore = (events.length === size && accepted.length + refused.length > 0) || shifted > 0;
    if (!reply.value.more && !outboxMayHaveMore) return { kind: 'synced', pushed, pulled, held };
  }
  return { kind: 'synced', pushed, pulled, held };
}

/**
 * The oldest unsynced events first, so a partial sync sends what the trainee did first; only
 * those stamped after `after`, when given.
 */
function outbox(db: LearnDb, limit: number, after?: string): Promise<LearnerEvent[]> {
  return unsyncedEvents(db, after).limit(limit).toArray();
}
