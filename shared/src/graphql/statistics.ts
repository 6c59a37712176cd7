import { Arg, Ctx, Directive, Field, ObjectType, Query, Resolver } from 'type-graphql';

import type { StatisticsRow } from '../contracts/statistics.js';
import { badInput } from '../errors.js';
import { requireService } from '../identity/access.js';
import type { Context } from '../server/context.js';
import { DateScalar, isIsoDate } from './scalars.js';

/**
 * 行政执法统计 One row of a subgraph's internal `statisticsRows(region, from, to)` (shared/src/contracts/statistics.ts
 * is the contract). @shareable: every subgraph holding enforcement facts answers it; @inaccessible: internal.
 */
@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType('StatisticsRow', {
  description: '内部：统计行 Internal: one agency, month, category and metric with its value',
})
export class StatisticsRowObject {
  @Field({ description: '机关 Agency id' })
  agencyId!: string;
  @Field({ description: '月份 Month, YYYY-MM in Asia/Shanghai' })
  month!: string;
  @Field(() => String, { nullable: true, description: '执法类别 Category, null where the metric has none' })
  category!: string | null;
  @Field({ description: '指标 Metric (STATISTICS_METRICS)' })
  metric!: string;
  @Field({ description: '数值 Value: a count, or yuan as a decimal string' })
  value!: string;
}

/** Longest period one `statisticsRows` call covers: a calendar year and a little (the statistics ask per year). */
const MAX_PERIOD_DAYS = 370;

/** Checks a statistics period: real days, from ≤ to, at most about a year. BAD_USER_INPUT otherwise. */
export function requireStatisticsPeriod(region: string, from: string, to: string): void {
  if (!region.trim()) throw badInput('region', 'must not be empty');
  if (!isIsoDate(from) || !isIsoDate(to)) throw badInput('from', 'from and to must be YYYY-MM-DD');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0) throw badInput('from', 'must not be after to');
  if (days > MAX_PERIOD_DAYS) throw badInput('to', `at most ${MAX_PERIOD_DAYS} days after from`);
}

/** SQL: the Asia/Shanghai month (YYYY-MM) of a timestamptz column. */
export const shanghaiMonthSql = (column: string) => `to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
/** SQL: the Asia/Shanghai day of a timestamptz column, to compare with a period's days. */
export const shanghaiDaySql = (column: string) => `(${column} at time zone 'Asia/Shanghai')::date`;

/** What a subgraph reads for its statistics rows: the region's agencies, days from..to (checked already). */
export type StatisticsReader = (ctx: Context, region: string, from: string, to: string) => Promise<StatisticsRow[]>;

/**
 * The internal `statisticsRows(region, from, to)` query of a subgraph (service tokens only, @inaccessible), answering
 * what `read` counts: one class per subgraph, like `eventFeed`.
 */
export function statisticsRowsResolver(read: StatisticsReader) {
  @Resolver()
  class StatisticsRowsResolver {
    // Every subgraph holding enforcement facts answers this same query about its own facts.
    @Directive('@shareable')
    @Directive('@inaccessible')
    @Query(() => [StatisticsRowObject], {
      description: '内部：行政执法统计行 Internal: this subgraph’s statistics rows of a region’s agencies for a period',
    })
    statisticsRows(
      @Ctx() ctx: Context,
      @Arg('region', { description: '区域 Region' }) region: string,
      @Arg('from', () => DateScalar, { description: '起 First day (Asia/Shanghai)' }) from: string,
      @Arg('to', () => DateScalar, { description: '止 Last day (Asia/Shanghai)' }) to: string,
    ): Promise<StatisticsRow[]> {
      requireService(ctx.identity);
      requireStatisticsPeriod(region, from, to);
      return read(ctx, region, from, to);
    }
  }
  return StatisticsRowsResolver;
}
