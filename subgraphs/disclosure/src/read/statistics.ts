import { shanghaiDaySql, shanghaiMonthSql, type StatisticsReader, type StatisticsRow } from '@tsp/shared';

interface Row {
  agency_id: string;
  month: string;
  category: string;
  published: string;
  on_time: string;
}

/**
 * 公示统计 Publications made public in the period (still public or withdrawn since), by the agency, the category and
 * the month published (Asia/Shanghai), and those published by their due day (国办发〔2018〕118号's 7 or 20 working
 * days, stored as `due_on` when the publication was drafted): one statement.
 */
const SQL = `
  select agency_id, ${shanghaiMonthSql('published_at')} as month, category, count(*)::text as published,
         count(*) filter (where ${shanghaiDaySql('published_at')} <= due_on)::text as on_time
    from disclosure.publication
   where region = ? and published_at is not null
     and ${shanghaiDaySql('published_at')} between ?::date and ?::date
   group by 1, 2, 3`;

export const disclosureStatistics: StatisticsReader = async (ctx, region, from, to) => {
  const rows = await ctx.em.execute<Row[]>(SQL, [region, from, to]);
  return rows.flatMap((r): StatisticsRow[] => {
    const at = { agencyId: r.agency_id, month: r.month, category: r.category };
    const out: StatisticsRow[] = [{ ...at, metric: 'PUBLICATIONS', value: r.published }];
    if (r.on_time !== '0') out.push({ ...at, metric: 'PUBLICATIONS_ON_TIME', value: r.on_time });
    return out;
  });
};
