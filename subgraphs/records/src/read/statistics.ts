import type { StatisticsMetric, StatisticsReader, StatisticsRow } from '@tsp/shared';

import { OVERTURNING_OUTCOMES } from '../rules/challenge.js';

/** Metrics a month with none of them leaves out; DECISIONS is never zero where a decision exists. */
const SQL = `
with filed as (
  select agency_id, to_char(filed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, category, count(*) as n
    from records.enforcement_case
   where region = :region and filed_at >= :from::date::timestamp at time zone 'Asia/Shanghai'
     and filed_at < (:to::date + 1)::timestamp at time zone 'Asia/Shanghai'
   group by 1, 2, 3),
decided as (
  select c.agency_id, to_char(d.decided_on, 'YYYY-MM') as month, c.category, count(*) as n,
         count(*) filter (where c.category = 'PENALTY' and cardinality(d.penalty_kinds) > 0) as penalties,
         sum(d.fine_amount) as fines, sum(d.confiscation_amount) as confiscations
    from records.case_decision d join records.enforcement_case c on c.id = d.case_id
   where c.region = :region and d.decided_on between :from::date and :to::date
   group by 1, 2, 3),
heard as (
  select c.agency_id, to_char(h.held_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, c.category, count(*) as n
    from records.case_hearing h join records.enforcement_case c on c.id = h.case_id
   where c.region = :region and h.held_at >= :from::date::timestamp at time zone 'Asia/Shanghai'
     and h.held_at < (:to::date + 1)::timestamp at time zone 'Asia/Shanghai'
   group by 1, 2, 3),
challenged as (
  select x.agency_id, to_char(x.decided_on, 'YYYY-MM') as month, c.category, count(distinct x.case_id) as n,
         count(distinct x.case_id) filter (where x.outcome = any(:overturning::text[])) as overturned
    from records.decision_challenge x join records.enforcement_case c on c.id = x.case_id
   where x.region = :region and x.outcome <> 'PENDING' and x.decided_on between :from::date and :to::date
   group by 1, 2, 3)
select agency_id, month, category, metric, value from (
  select agency_id, month, category, 'CASES_FILED' as metric, n::text as value from filed
  union all
  select agency_id, month, category, m.metric, m.value
    from decided cross join lateral (values
      ('DECISIONS', n::text), ('PENALTY_DECISIONS', nullif(penalties, 0)::text),
      ('FINE_AMOUNT', fines::text), ('CONFISCATION_AMOUNT', confiscations::text)) m(metric, value)
  union all
  select agency_id, month, category, 'HEARINGS_HELD', n::text from heard
  union all
  select agency_id, month, category, m.metric, m.value
    from challenged cross join lateral (values
      ('DECISIONS_CHALLENGED', n::text), ('DECISIONS_OVERTURNED', nullif(overturned, 0)::text)) m(metric, value)
) s
where value is not null
order by agency_id, month, metric, category`;

/**
 * 行政执法统计 records' part of `enforcementStatistics` (shared/src/contracts/statistics.ts), for the region's
 * agencies and the days from..to: cases filed (month of filing, Asia/Shanghai), decisions, penalty decisions,
 * fines and confiscations (month of the decision), hearings held (month held), decisions challenged and
 * overturned (month the reconsideration or court decided; each decision once a month). Service callers only.
 * One statement whatever the region's size.
 */
/** records' part of 行政执法统计 (shared's `statisticsRowsResolver` checks the caller and the period first). */
export const recordsStatistics: StatisticsReader = async (ctx, region, from, to) => {
  const rows = await ctx.em.execute<
    { agency_id: string; month: string; category: string; metric: StatisticsMetric; value: string }[]
  >(SQL.replace(/:(region|from|to|overturning)\b/g, '?'), bindings(region, from, to));
  return rows.map((r): StatisticsRow => ({
    agencyId: r.agency_id,
    month: r.month,
    category: r.category,
    metric: r.metric,
    value: r.value,
  }));
};

/** The statement's bindings in the order its named placeholders appear. */
function bindings(region: string, from: string, to: string): unknown[] {
  const values: Record<string, unknown> = { region, from, to, overturning: `{${OVERTURNING_OUTCOMES.join(',')}}` };
  return [...SQL.matchAll(/:(region|from|to|overturning)\b/g)].map((m) => values[m[1]]);
}
