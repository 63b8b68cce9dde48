import { SYNC_BATCH_LIMIT, syncResponseSchema, type SyncRequest } from '../../shared/sync-api.ts';
import { postJson, type ApiFailure, type ApiTransport } from './api-client.ts';
import { applySyncReply } from './apply-reply.ts';
import { unsyncedEvents } from '../outbox/unsynced.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import { ensureDeviceId, getMeta, type LearnDb } from '../store/learn-db.ts';

export type SyncOutcome =
  | { kind: 'synced'; pushed: number; pulled: number }
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
  // The newest stamp this run has pushed. Each round reads the outbox after it: the rows before
  // it were just deleted, and IndexedDB (LevelDB) still steps over deleted keys until it
  // compacts, which slows a long sync down round by round when a read starts below them.
  // Events recorded meanwhile stamp later (HLC), so none is skipped; the next run starts from
  // the oldest again anyway.
  let after: string | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const token = await getMeta(db, 'token');
    if (!token) return { kind: 'not_enrolled' };
    const events = await outbox(db, size, after);
    const request: SyncRequest = { deviceId: await ensureDeviceId(db), cursor: (await getMeta(db, 'cursor')) ?? 0, events };
    const reply = await postJson(transport, '/api/v1/sync', request, syncResponseSchema, token);
    if (!reply.ok) {
      // Long notes can push a batch over the server's 1 MB limit: halve it and go on.
      if (reply.failure.kind === 'http' && reply.failure.status === 413 && size > 1) {
        size = Math.ceil(size / 2);
        continue;
      }
      return { kind: 'failed', failure: reply.failure };
    }
    await applySyncReply(db, reply.value);
    after = events.at(-1)?.at ?? after;
    pushed += reply.value.accepted.length;
    pulled += reply.value.events.length;
    const outboxMayHaveMore = request.events.length === size && reply.value.accepted.length > 0;
    if (!reply.value.more && !outboxMayHaveMore) return { kind: 'synced', pushed, pulled };
  }
  return { kind: 'synced', pushed, pulled };
}

/**
 * The oldest unsynced events first, so a partial sync sends what the trainee did first; only
 * those stamped after `after`, when given.
 */
function outbox(db: LearnDb, limit: number, after?: string): Promise<LearnerEvent[]> {
  return unsyncedEvents(db, after).limit(limit).toArray();
}
