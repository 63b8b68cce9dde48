import { Hono } from 'hono';
import { enrolTraineeSchema, importRequestSchema, traineeListQuerySchema, traineeUpdateSchema } from '../../../shared/office-api.ts';
import type { OfficeEnv } from '../../auth/officer-session.ts';
import { HttpError } from '../../http/http-error.ts';
import { parseWith, readJson } from '../../http/read-body.ts';
import { traineeDetail } from '../../services/dashboard-service.ts';
import { issueDeviceCode } from '../../services/enrolment-service.ts';
import { enrolFromCsv, enrolOne } from '../../services/office-enrolment-service.ts';
import { updateTrainee } from '../../services/office-lists-service.ts';
import { checkTraineeAccess, filterOf } from '../../services/office-scope.ts';
import type { OfficeDeps } from './office-deps.ts';

const PAGE = 100;

/** Trainees: the list, enrolment (one, or a CSV), a trainee's page, their devices and codes. */
export function traineeRoutes(deps: OfficeDeps) {
  const { repositories, now } = deps;
  return new Hono<OfficeEnv>()
    .get('/trainees', async (c) => {
      const { q, offset = 0, ...filter } = parseWith(traineeListQuerySchema, c.req.query());
      const page = await repositories.officeTrainees.list(filterOf(c.var.officer, filter), { q, offset, limit: PAGE });
      return c.json({ ...page, offset, limit: PAGE });
    })
    .post('/trainees', async (c) => {
      const request = parseWith(enrolTraineeSchema, await readJson(c));
      return c.json(await enrolOne(repositories, c.var.officer, request, new Date(now())), 201);
    })
    .post('/trainees/import', async (c) => {
      const request = parseWith(importRequestSchema, await readJson(c));
      return c.json({ enrolled: await enrolFromCsv(repositories, c.var.officer, request, new Date(now())) }, 201);
    })
    .get('/trainees/:id', async (c) => {
      await checkTraineeAccess(repositories, c.var.officer, c.req.param('id'));
      return c.json(await traineeDetail(deps, c.req.param('id')));
    })
    .patch('/trainees/:id', async (c) => {
      await checkTraineeAccess(repositories, c.var.officer, c.req.param('id'));
      const change = parseWith(traineeUpdateSchema, await readJson(c));
      await updateTrainee(repositories, c.var.officer, c.req.param('id'), change);
      return c.json(await traineeDetail(deps, c.req.param('id')));
    })
    .post('/trainees/:id/codes', async (c) => {
      await checkTraineeAccess(repositories, c.var.officer, c.req.param('id'));
      const issued = await issueDeviceCode(repositories, { traineeId: c.req.param('id'), now: new Date(now()) });
      if (!issued) throw new HttpError(404, 'not_found', 'The trainee is revoked: no new device can enrol');
      return c.json({ code: issued.code, expiresAt: issued.expiresAt }, 201);
    })
    .post('/trainees/:id/devices/:deviceId/revoke', async (c) => {
      await checkTraineeAccess(repositories, c.var.officer, c.req.param('id'));
      const revoked = await repositories.officeTrainees.revokeDevice(c.req.param('id'), c.req.param('deviceId'), new Date(now()).toISOString());
      if (!revoked) throw new HttpError(404, 'not_found', 'The trainee has no such device still enrolled');
      return c.body(null, 204);
    });
}
