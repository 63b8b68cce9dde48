import { Hono } from 'hono';
import { exportQuerySchema, exportTables, groupBySchema, officeFilterSchema } from '../../../shared/office-api.ts';
import type { OfficeEnv } from '../../auth/officer-session.ts';
import { HttpError } from '../../http/http-error.ts';
import { parseWith } from '../../http/read-body.ts';
import { funnel, groups, overview, questions } from '../../services/dashboard-service.ts';
import { exportCsv } from '../../services/office-export.ts';
import { filterOf } from '../../services/office-scope.ts';
import type { OfficeDeps } from './office-deps.ts';

/** The dashboard's reads and CSV exports; every one for the officer's scope and the page's filters. */
export function dashboardRoutes(deps: OfficeDeps) {
  const query = (c: { req: { query(): Record<string, string> } }) => parseWith(officeFilterSchema, c.req.query());
  return new Hono<OfficeEnv>()
    .get('/overview', async (c) => c.json(await overview(deps, filterOf(c.var.officer, query(c)))))
    .get('/groups/:by', async (c) => {
      const by = parseWith(groupBySchema, c.req.param('by'));
      return c.json(await groups(deps, filterOf(c.var.officer, query(c)), by));
    })
    .get('/funnel', async (c) => c.json(await funnel(deps, filterOf(c.var.officer, query(c)))))
    .get('/questions', async (c) => c.json(await questions(deps, filterOf(c.var.officer, query(c)))))
    .get('/export/:table', async (c) => {
      const table = exportTables.find((t) => `${t}.csv` === c.req.param('table'));
      if (!table) throw new HttpError(404, 'not_found', `No table ${c.req.param('table')} to export`);
      const { lang, ...filter } = parseWith(exportQuerySchema, c.req.query());
      const csv = await exportCsv(deps, table, filterOf(c.var.officer, filter), lang);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="egov-learn-${table}-${new Date(deps.now()).toISOString().slice(0, 10)}.csv"`);
      return c.body(csv);
    });
}
