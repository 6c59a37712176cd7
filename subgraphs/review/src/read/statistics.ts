import type { StatisticsReader, StatisticsRow } from '@tsp/shared';

interface Row {
  agency_id: string;
  month: string;
  category: string;
  completed: string;
  failed: string;
}

/**
 * 法制审核统计 Reviews completed (PASSED, RETURNED or FAILED as they stand) and those FAILED, by the agency, the
 * category and the month the reviewer signed (a coordination decision's meeting day when there is no signature):
 * one statement.
 */
const SQL = `
  select agency_id, to_char(coalesce(reviewer_signed_on, coordination_meeting_on), 'YYYY-MM') as month, category,
         count(*)::text as completed, count(*) filter (where status = 'FAILED')::text as failed
    from review.legal_review
   where region = ? and status in ('PASSED', 'RETURNED', 'FAILED')
     and coalesce(reviewer_signed_on, coordination_meeting_on) between ?::date and ?::date
   group by 1, 2, 3`;

export const reviewStatistics: StatisticsReader = async (ctx, region, from, to) => {
  const rows = await ctx.em.execute<Row[]>(SQL, [region, from, to]);
  return rows.flatMap((r): StatisticsRow[] => {
    const at = { agencyId: r.agency_id, month: r.month, category: r.category };
    const out: StatisticsRow[] = [{ ...at, metric: 'REVIEWS_COMPLETED', value: r.completed }];
    if (r.failed !== '0') out.push({ ...at, metric: 'REVIEWS_FAILED', value: r.failed });
    return out;
  });
};
