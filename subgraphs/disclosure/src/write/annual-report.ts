import { AGENCY_ROLES, assertCanWrite, conflict, type Context, requireId, shanghaiDate } from '@tsp/shared';

import { AnnualReportEntity } from '../entities/index.js';
import { publishAnnualReportEvent } from '../events/publication-events.js';
import { regionOf } from '../read/agency-region.js';
import { type AnnualReportView, liveTotals, reportView } from '../read/reports.js';
import { assertYearOver, requireReportYear } from '../rules/annual-report.js';
import { inTransaction } from './in-transaction.js';

/**
 * 发布年度报告 Publishes (freezes) an agency's report of a finished year; once frozen it does not change. The frozen
 * row and its AnnualReportPublished commit together; a second publisher racing in fails on the key and sends none.
 */
export async function publishAnnualReport(ctx: Context, agencyId: string, year: number): Promise<AnnualReportView> {
  const a = requireId('agency', agencyId);
  assertCanWrite(ctx.identity, a, AGENCY_ROLES);
  assertYearOver('year', requireReportYear('year', year), shanghaiDate());
  if (await ctx.em.findOne(AnnualReportEntity, { agencyId: a, year }))
    throw conflict(`the ${year} report is already published and frozen / 已发布`);
  // Before the transaction: it may ask personnel.
  const region = await regionOf(ctx, a);
  return inTransaction(ctx, async (tx) => {
    const totals = await liveTotals(tx.em, a, year);
    const frozen = tx.em.create(AnnualReportEntity, {
      agencyId: a,
      year,
      totals,
      publishedBy: tx.identity.sub!,
      publishedAt: new Date(),
    });
    await tx.em.flush();
    await publishAnnualReportEvent(tx.em, frozen, region);
    return reportView(a, year, totals, frozen);
  });
}
