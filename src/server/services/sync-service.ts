import type { SyncRequest, SyncResponse } from '../../shared/sync-api.ts';
import { SYNC_PULL_LIMIT } from '../../shared/sync-api.ts';
import { type AuthenticatedDevice, EventIdTakenError, type TrainingRepository } from '../db/training-repository.ts';
import { HttpError } from '../http/http-error.ts';
import { validationFailed } from '../http/read-body.ts';
import type { CatalogueIndex } from '../sync/catalogue-index.ts';
import { checkEvents } from '../sync/check-events.ts';

export interface SyncDeps {
  repository: TrainingRepository;
  catalogue: CatalogueIndex;
  now: () => number;
  pullLimit?: number;
}

/**
 * POST /api/v1/sync for an authenticated device whose body passed syncRequestSchema:
 * 1. the request speaks for the token's own device, or 401;
 * 2. every event is the device's own, points into the course and is not from the future, or 400
 *    validation_failed with each failing path (nothing stored);
 * 3. in one transaction: store the new events (known ids are acknowledged, not stored again; an id
 *    another trainee holds fails the whole batch), then pull this trainee's events from other
 *    devices after the cursor;
 * 4. reply with the accepted ids, the pulled page, the new cursor and whether more waits.
 */
export async function syncDevice(deps: SyncDeps, device: AuthenticatedDevice, request: SyncRequest): Promise<SyncResponse> {
  // 1.
  if (request.deviceId !== device.deviceId) {
    throw new HttpError(401, 'unauthorized', 'The token was issued to another device');
  }
  // 2.
  const now = deps.now();
  const issues = checkEvents(request.events, { catalogue: deps.catalogue, deviceId: device.deviceId, now });
  if (issues.length > 0) throw validationFailed(issues);
  // 3. and 4.: the repository's result is already the response's shape.
  try {
    return await deps.repository.sync({
      device,
      events: request.events,
      cursor: request.cursor,
      pullLimit: deps.pullLimit ?? SYNC_PULL_LIMIT,
      now: new Date(now).toISOString(),
    });
  } catch (e) {
    if (!(e instanceof EventIdTakenError)) throw e;
    // An honest client never collides (ids are random UUIDs); refusing the batch says so loudly
    // instead of acknowledging an event that is not this trainee's, and reveals nothing of it.
    throw validationFailed(
      request.events.flatMap((event, i) =>
        e.ids.includes(event.id) ? [{ path: ['events', i, 'id'], message: 'this event id is already taken' }] : [],
      ),
    );
  }
}
