import type { EntityManager } from '@mikro-orm/postgresql';
import { shanghaiDaySql, shanghaiMonthSql, type StatisticsReader, type StatisticsRow } from '@tsp/shared';

interface Row {
  agency_id: string;
  month: string;
  metric: 'COMPLAINTS_RECEIVED' | 'COMPLAINTS_CLOSED';
  value: string;
}

/**
 * 投诉举报统计 Complaints and reports accepted (by the day accepted) and closed (by the day closed, Asia/Shanghai),
 * per agency and month; no category: one statement.
 */
const SQL = `
  select agency_id, to_char(accepted_on, 'YYYY-MM') as month, 'COMPLAINTS_RECEIVED' as metric, count(*)::text as value
    from supervision.complaint
   where region = ? and accepted_on between ?::date and ?::date
   group by 1, 2
  union all
  select agency_id, ${shanghaiMonthSql('closed_at')}, 'COMPLAINTS_CLOSED', count(*)::text
    from supervision.complaint
   where region = ? and closed_at is not null and ${shanghaiDaySql('closed_at')} between ?::date and ?::date
   group by 1, 2`;

export async function complaintRows(em: EntityManager, region: string, from: string, to: string) {
  return (await em.execute<Row[]>(SQL, [region, from, to, region, from, to])).map((r): StatisticsRow => ({
    agencyId: r.agency_id,
    month: r.month,
    category: null,
    metric: r.metric,
    value: r.value,
  }));
}

/** This subgraph's own `statisticsRows`, for any other reader of the contract. */
export const complaintStatistics: StatisticsReader = (ctx, region, from, to) => complaintRows(ctx.em, region, from, to);
