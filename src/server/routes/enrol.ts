import { Hono } from 'hono';
import { enrolRequestSchema } from '../../shared/sync-api.ts';
import { parseWith, readJson } from '../http/read-body.ts';
import type { Repositories } from '../repositories/repositories.ts';
import { enrolDevice } from '../services/enrolment-service.ts';

/** POST /v1/enrol: a one-time code and this device's id in, the device's token out. */
export function enrolRoutes(repositories: Repositories, now: () => number) {
  return new Hono().post('/v1/enrol', async (c) => {
    const request = parseWith(enrolRequestSchema, await readJson(c));
    return c.json(await enrolDevice(repositories, request, new Date(now())), 201);
  });
}
