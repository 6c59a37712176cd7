import {
  type AppError,
  errorBody,
  forbidden,
  type Identify,
  isAppError,
  logger,
  type Orm,
  requireInternalSecret,
  Role,
} from '@tsp/shared';
import type { Express, Response } from 'express';

import { enforcementStatistics } from '../read/enforcement-statistics.js';
import { csvDocument } from '../rules/csv.js';
import { bodyRows, type Cell, headerRows, title, trendRows } from '../rules/statistics-layout.js';
import { statisticsXlsx } from './statistics-xlsx.js';

const log = logger('supervision:exports');

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  DEPENDENCY_UNAVAILABLE: 503,
};

function refuse(res: Response, e: AppError): void {
  const body = errorBody(e.code, e.message);
  if (e.extensions?.service) Object.assign(body.errors[0].extensions, { service: e.extensions.service });
  res.status(STATUS[e.code] ?? 500).json(body);
}

const plain = (c: Cell): string | number =>
  c.kind === 'text' || c.kind === 'yuan' ? c.value : c.kind === 'count' ? c.value : (c.value ?? '');

/**
 * GET /exports/statistics/:region/:year.xlsx|.csv — 年度行政执法数据统计表 of a region's year, for the region's
 * SUPERVISOR (司法局) and ADMIN only: the export is the bureau's report of every agency, so an agency's staff, who
 * read their own line through `enforcementStatistics`, get 403 here. Reached through the gateway, which checks
 * the token first; a source subgraph not answering is 503 (nothing partial is ever served).
 */
export function statisticsExportRoutes(app: Express, orm: Orm, identify: Identify): void {
  app.get('/exports/statistics/:region/:file', requireInternalSecret, async (req, res) => {
    const { region, file } = req.params as { region: string; file: string };
    const m = /^(\d{4})\.(xlsx|csv)$/.exec(file);
    if (!m) return void res.status(404).json(errorBody('NOT_FOUND', 'no such export: <year>.xlsx or <year>.csv'));
    const [year, format] = [Number(m[1]), m[2]];
    try {
      const id = await identify(req.header('authorization'));
      if (!id.role) return void res.status(401).json(errorBody('UNAUTHENTICATED', 'a bearer token is required'));
      if (id.role !== Role.ADMIN && id.role !== Role.SUPERVISOR)
        throw forbidden('the statistics export is for the region’s justice bureau (SUPERVISOR) and ADMIN / 无权限');
      const s = await enforcementStatistics(id, orm.em.fork(), region, year);
      const name = `${title(region, year)}.${format}`;
      res.setHeader('cache-control', 'no-store');
      res.setHeader(
        'content-disposition',
        `attachment; filename="statistics-${year}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      if (format === 'xlsx') {
        res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return void res.send(await statisticsXlsx(region, year, s));
      }
      const rows = [
        [title(region, year)],
        ...headerRows().map((r) => r.map(plain)),
        ...bodyRows(s).map((r) => r.map(plain)),
        [],
        ...trendRows(s).map((r) => r.map(plain)),
      ];
      res.type('text/csv; charset=utf-8').send(csvDocument(rows));
    } catch (e) {
      if (isAppError(e)) return void refuse(res, e);
      log.error({ err: e instanceof Error ? e.message : String(e) }, 'statistics export failed');
      res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'internal error'));
    }
  });
}
