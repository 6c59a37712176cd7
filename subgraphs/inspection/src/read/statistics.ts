import { shanghaiDaySql, shanghaiMonthSql, type StatisticsReader } from '@tsp/shared';

interface Row {
  agency_id: string;
  month: string;
  finished: string;
}

/**
 * 行政检查统计 Inspections finished in the period, by the lead agency (a joint visit counts once, for its lead) and the
 * month finished (Asia/Shanghai); category INSPECTION: one statement.
 */
const SQL = `
  select agency_id, ${shanghaiMonthSql('finished_at')} as month, count(*)::text as finished
    from inspection.inspection
   where region = ? and status = 'FINISHED' and finished_at is not null
     and ${shanghaiDaySql('finished_at')} between ?::date and ?::date
   group by 1, 2`;

export const inspectionStatistics: StatisticsReader = async (ctx, region, from, to) =>
  (await ctx.em.execute<Row[]>(SQL, [region, from, to])).map((r) => ({
    agencyId: r.agency_id,
    month: r.month,
    category: 'INSPECTION',
    metric: 'INSPECTIONS' as const,
    value: r.finished,
  }));
