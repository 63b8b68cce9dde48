import { Hono } from 'hono';
import { cohortInputSchema, officeFilterSchema, officeIdSchema, placeInputSchema, placeUpdateSchema } from '../../../shared/office-api.ts';
import type { OfficeEnv } from '../../auth/officer-session.ts';
import { parseWith, readJson } from '../../http/read-body.ts';
import { addCohort, addPlace, changeCohort, changePlace } from '../../services/office-lists-service.ts';
import { filterOf, requireProgrammeOfficer } from '../../services/office-scope.ts';
import type { OfficeDeps } from './office-deps.ts';

/** Cohorts and the list of places: every officer reads them, the programme office changes them. */
export function listRoutes(deps: OfficeDeps) {
  const { repositories, now } = deps;
  return new Hono<OfficeEnv>()
    // A unit officer is refused before any body is read.
    .on(['POST', 'PUT', 'PATCH', 'DELETE'], ['/cohorts', '/cohorts/*', '/places', '/places/*'], async (c, next) => {
      requireProgrammeOfficer(c.var.officer);
      await next();
    })
    .get('/cohorts', async (c) => c.json(await repositories.cohorts.list(filterOf(c.var.officer, parseWith(officeFilterSchema, c.req.query())))))
    .post('/cohorts', async (c) => c.json(await addCohort(repositories, c.var.officer, parseWith(cohortInputSchema, await readJson(c)), new Date(now())), 201))
    .put('/cohorts/:id', async (c) => {
      const id = parseWith(officeIdSchema, c.req.param('id'));
      await changeCohort(repositories, c.var.officer, id, parseWith(cohortInputSchema, await readJson(c)));
      return c.body(null, 204);
    })
    .get('/places', async (c) => c.json(await repositories.places.list()))
    .post('/places', async (c) => c.json(await addPlace(repositories, c.var.officer, parseWith(placeInputSchema, await readJson(c))), 201))
    .patch('/places/:id', async (c) => {
      const id = parseWith(officeIdSchema, c.req.param('id'));
      await changePlace(repositories, c.var.officer, id, parseWith(placeUpdateSchema, await readJson(c)), new Date(now()));
      return c.body(null, 204);
    });
}
