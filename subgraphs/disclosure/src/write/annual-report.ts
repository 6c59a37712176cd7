import { AGENCY_ROLES, assertCanWrite, conflict, type Context, requireId, shanghaiDate } from '@tsp/shared';

import { AnnualReportEntity } from '../entities/index.js';
import { type AnnualReportView, liveTotals, reportView } from '../read/reports.js';
import { assertYearOver, requireReportYear } from '../rules/annual-report.js';

/** 发布年度报告 Publishes (freezes) an agency's report of a finished year; once frozen it does not change. */
export async function publishAnnualReport(ctx: Context, agencyId: string, year: number): Promise<AnnualReportView> {
  const a = requireId('agency', agencyId);
  assertCanWrite(ctx.identity, a, AGENCY_ROLES);
  assertYearOver('year', requireReportYear('year', year), shanghaiDate());
  if (await ctx.em.findOne(AnnualReportEntity, { agencyId: a, year }))
    throw conflict(`the ${year} report is already published and frozen / 已发布`);
  const totals = await liveTotals(ctx.em, a, year);
  const frozen = ctx.em.create(AnnualReportEntity, {
    agencyId: a,
    year,
    totals,
    publishedBy: ctx.identity.sub!,
    publishedAt: new Date(),
  });
  await ctx.em.flush();
  return reportView(a, year, totals, frozen);
}
