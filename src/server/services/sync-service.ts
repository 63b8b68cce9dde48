import type { LearnerEvent } from '../../shared/events.ts';
import type { RefusedEvent, RestampedEvent, SyncRequest, SyncResponse } from '../../shared/sync-api.ts';
import { SYNC_PULL_LIMIT } from '../../shared/sync-api.ts';
import type { CurrentCatalogue } from '../course/catalogue-index.ts';
import { HttpError } from '../http/http-error.ts';
import { type NewEvent, type StoredEvent, storedPayload } from '../repositories/events.ts';
import type { Repositories } from '../repositories/repositories.ts';
import type { AuthenticatedDevice } from '../repositories/trainees.ts';
import { clampStamps, isTooFarAhead } from '../sync/clamp-stamps.ts';
import { placeEvent } from '../sync/place-event.ts';
import { updateRollups } from './rollup-service.ts';
import { type PushedEvent, readPushedEvents } from '../sync/read-pushed-events.ts';
import { sameEvent } from '../sync/same-event.ts';

export interface SyncDeps {
  repositories: Repositories;
  catalogue: CurrentCatalogue;
  now: () => number;
  /** Payload bytes one trainee may store in all; see DEFAULT_STORAGE_BUDGET_BYTES. */
  storageBudgetBytes: number;
  pullLimit?: number | undefined;
  /**
   * Called once the batch has committed, with the events it newly stored that the course could
   * place: the completion record is issued from here (certificate-service.ts).
   */
  afterStore?: ((trainee: AuthenticatedDevice['trainee'], stored: LearnerEvent[]) => Promise<void>) | undefined;
}

/** 20 MiB of event payloads per trainee: thousands of long notes, far beyond real study. */
export const DEFAULT_STORAGE_BUDGET_BYTES = 20 * 1024 * 1024;

/**
 * POST /api/v1/sync for an authenticated device whose body passed syncRequestSchema. Each
 * pushed event gets its own outcome; nothing one event does holds back another:
 * 1. the request speaks for the token's own device, or 401;
 * 2. each event is read on its own: malformed (invalid_event), another device's (not_own_event),
 *    or one id with two contents in the batch (id_conflict) is refused;
 * 3. one transaction, which first stamps the trainee's last sync: that row lock serialises one
 *    trainee's syncs, so sequence numbers commit in order and a pull never skips one;
 * 4. an id already stored is acknowledged when it is the same event (restamped as stored), and
 *    refused as id_conflict when its content differs or another trainee holds it (revealing
 *    nothing of the other event);
 * 5. new events are taken in order while they fit the trainee's storage budget (budget_exceeded);
 * 6. stamps more than a day ahead are clamped (restamped) after the device's newest stored stamp;
 * 7. the rest is inserted: an event the course has no place for is stored with a flag, synced to
 *    the trainee's other devices and left out of reports; an id the insert skips was stored
 *    already (a retry, or another trainee's) and is settled as in 4; the placed events just
 *    stored are folded into the office's rollups (rollup-service.ts);
 * 8. pull this trainee's events from other devices after the cursor, a page at a time; the new
 *    cursor is the last event sent or, with nothing more to pull, the trainee's newest (this
 *    device's own included), so the next pull starts after everything seen so far;
 * 9. once the transaction has committed, the events it newly stored go to `afterStore`, which
 *    issues the completion record when they complete the course.
 */
export async function syncDevice(deps: SyncDeps, device: AuthenticatedDevice, request: SyncRequest): Promise<SyncResponse> {
  // 1.
  if (request.deviceId !== device.deviceId) {
    throw new HttpError(401, 'unauthorized', 'The token was issued to another device');
  }
  const now = deps.now();
  const receivedAt = new Date(now).toISOString();
  const traineeId = device.trainee.id;
  // 2.
  const { pushed, refused } = readPushedEvents(request.events, device.deviceId);
  const course = deps.catalogue();
  // 3.
  const outcome = await deps.repositories.transaction(async (tx) => {
    const { trainees, events } = tx;
    const { storedBytes } = await trainees.markSynced(device, receivedAt);
    const accepted = new Set<string>();
    const restamped: RestampedEvent[] = [];
    const refuse = (p: PushedEvent, code: RefusedEvent['code'], message: string) => refused.push({ id: p.event.id, index: p.index, code, message });
    const settleStored = (p: PushedEvent, copy: StoredEvent) => {
      if (copy.traineeId !== traineeId || !sameEvent(copy.sent, p.event)) return refuse(p, 'id_conflict', idTaken);
      accepted.add(p.event.id);
      if (copy.at !== copy.sent.at) restamped.push({ id: p.event.id, at: copy.at });
    };
    // 4. Only a batch that might not fit the budget, or has a stamp to clamp, needs to know
    // first which of its events are new; any other goes straight to the insert (step 7).
    const careful = storedBytes + sum(pushed.map(bytesOf)) > deps.storageBudgetBytes || pushed.some((p) => isTooFarAhead(p.event.at, now));
    const known = careful ? await events.find(pushed.map((p) => p.event.id)) : new Map<string, StoredEvent>();
    const fresh = pushed.filter((p) => {
      const copy = known.get(p.event.id);
      if (copy) settleStored(p, copy);
      return !copy;
    });
    // 5.
    let bytes = storedBytes;
    const fitting = fresh.filter((p) => {
      if (bytes + bytesOf(p) > deps.storageBudgetBytes) {
        refuse(p, 'budget_exceeded', `the trainee's storage budget of ${deps.storageBudgetBytes} bytes is used up`);
        return false;
      }
      bytes += bytesOf(p);
      return true;
    });
    // 6.
    const ahead = fitting.filter((p) => isTooFarAhead(p.event.at, now)).map((p) => p.event);
    const clamped = ahead.length ? clampStamps(ahead, now, await events.newestStampOf(traineeId, device.deviceId)) : new Map<string, string>();
    // 7.
    const rows: NewEvent[] = fitting.map(({ event }) => ({ event, at: clamped.get(event.id) ?? event.at, flag: placeEvent(event, course) ?? null }));
    const inserted = await events.insert(traineeId, rows, receivedAt);
    const skipped = fitting.filter((p) => !inserted.has(p.event.id));
    const found = await events.find(skipped.map((p) => p.event.id));
    for (const p of skipped) settleStored(p, found.get(p.event.id)!);
    for (const p of fitting.filter((p) => inserted.has(p.event.id))) {
      accepted.add(p.event.id);
      const at = clamped.get(p.event.id);
      if (at) restamped.push({ id: p.event.id, at });
    }
    await trainees.addStoredBytes(traineeId, sum(fitting.filter((p) => inserted.has(p.event.id)).map(bytesOf)));
    // The office's rollups, from the placed events just stored, in this same transaction.
    const placed = rows.filter((r) => r.flag === null && inserted.has(r.event.id)).map((r) => ({ ...r.event, at: r.at }));
    await updateRollups(tx, traineeId, placed, course.catalogue);
    // 8.
    const pullLimit = deps.pullLimit ?? SYNC_PULL_LIMIT;
    const rowsAfter = await events.after({ traineeId, excludingDevice: device.deviceId, cursor: request.cursor, limit: pullLimit + 1 });
    const more = rowsAfter.length > pullLimit;
    const page = rowsAfter.slice(0, pullLimit);
    const newest = more ? page.at(-1)!.seq : await events.newestSeq(traineeId);
    const stored = rows.filter((r) => r.flag === null && inserted.has(r.event.id)).map((r) => r.event);
    return { accepted, restamped, pulled: page.map((r) => r.event), cursor: Math.max(request.cursor, newest), more, stored };
  });
  await deps.afterStore?.(device.trainee, outcome.stored);
  return {
    accepted: pushed.map((p) => p.event.id).filter((id) => outcome.accepted.has(id)),
    refused: refused.sort((a, b) => a.index - b.index),
    restamped: outcome.restamped,
    events: outcome.pulled satisfies LearnerEvent[],
    cursor: outcome.cursor,
    more: outcome.more,
    serverTime: now,
  };
}

const idTaken = 'this event id is already stored with other content';

const bytesOf = (p: PushedEvent) => Buffer.byteLength(storedPayload(p.event));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
