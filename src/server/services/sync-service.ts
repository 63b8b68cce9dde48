import type { SyncRequest, SyncResponse } from '../../shared/sync-api.ts';
import { SYNC_PULL_LIMIT } from '../../shared/sync-api.ts';
import { HttpError } from '../http/http-error.ts';
import { validationFailed } from '../http/read-body.ts';
import type { Repositories } from '../repositories/repositories.ts';
import type { AuthenticatedDevice } from '../repositories/trainees.ts';
import type { CurrentCatalogue } from '../course/catalogue-index.ts';
import { checkEvents } from '../sync/check-events.ts';

export interface SyncDeps {
  repositories: Repositories;
  catalogue: CurrentCatalogue;
  now: () => number;
  pullLimit?: number | undefined;
}

/**
 * POST /api/v1/sync for an authenticated device whose body passed syncRequestSchema:
 * 1. the request speaks for the token's own device, or 401;
 * 2. every event is the device's own, points into the course and is not from the future, or 400
 *    validation_failed with each failing path (nothing stored);
 * 3. one transaction, which first stamps the trainee's last sync: that row lock serialises one
 *    trainee's syncs, so sequence numbers commit in order and a pull never skips one;
 * 4. store the new events; known ids of this trainee are acknowledged, not stored again; an id
 *    another trainee holds fails the whole batch, revealing nothing of the other event;
 * 5. pull this trainee's events from other devices after the cursor, a page at a time;
 * 6. the new cursor is the last event sent, or, with nothing more to pull, the trainee's newest
 *    (this device's own included), so the next pull starts after everything seen so far.
 */
export async function syncDevice(deps: SyncDeps, device: AuthenticatedDevice, request: SyncRequest): Promise<SyncResponse> {
  // 1.
  if (request.deviceId !== device.deviceId) {
    throw new HttpError(401, 'unauthorized', 'The token was issued to another device');
  }
  // 2.
  const now = deps.now();
  const issues = checkEvents(request.events, { catalogue: deps.catalogue(), deviceId: device.deviceId, now });
  if (issues.length > 0) throw validationFailed(issues);
  const pullLimit = deps.pullLimit ?? SYNC_PULL_LIMIT;
  const at = new Date(now).toISOString();
  // 3.
  return deps.repositories.transaction(async ({ trainees, events }) => {
    const traineeId = device.trainee.id;
    await trainees.markSynced(device, at);
    // 4.
    const ids = [...new Set(request.events.map((e) => e.id))];
    const inserted = await events.insert(traineeId, request.events, at);
    const owners = await events.ownersOf(ids.filter((id) => !inserted.has(id)));
    const taken = ids.filter((id) => owners.has(id) && owners.get(id) !== traineeId);
    if (taken.length > 0) {
      // Throwing rolls the transaction back: nothing of the batch is stored.
      throw validationFailed(
        request.events.flatMap((event, i) => (taken.includes(event.id) ? [{ path: ['events', i, 'id'], message: 'this event id is already taken' }] : [])),
      );
    }
    // 5.
    const rows = await events.after({ traineeId, excludingDevice: device.deviceId, cursor: request.cursor, limit: pullLimit + 1 });
    const more = rows.length > pullLimit;
    const page = rows.slice(0, pullLimit);
    // 6.
    const newest = more ? page.at(-1)!.seq : await events.newestSeq(traineeId);
    return { accepted: ids, events: page.map((r) => r.event), cursor: Math.max(request.cursor, newest), more };
  });
}
