import { Hono } from 'hono';
import { enrolRequestSchema } from '../../shared/sync-api.ts';
import type { AuthDeps } from '../auth/authenticate.ts';
import { tooManyRequests } from '../http/rate-limit.ts';
import { parseWith, readJson } from '../http/read-body.ts';
import { enrolDevice } from '../services/enrolment-service.ts';

/**
 * POST /v1/enrol: a one-time code and this device's id in, the device's token out. Every attempt
 * counts against the address's enrolment limit until it succeeds (see attempt-limits.ts).
 */
export function enrolRoutes({ repositories, limits, addressOf }: AuthDeps, now: () => number) {
  return new Hono().post('/v1/enrol', async (c) => {
    const address = addressOf(c);
    const wait = limits.waitFor('enrol', address) || (await limits.count('enrol', address));
    if (wait) throw tooManyRequests(wait);
    const request = parseWith(enrolRequestSchema, await readJson(c));
    const enrolled = await enrolDevice(repositories, request, new Date(now()));
    await limits.refund('enrol', address);
    // The token is shown once: no cache along the way may keep a copy.
    c.header('Cache-Control', 'no-store');
    return c.json(enrolled, 201);
  });
}
