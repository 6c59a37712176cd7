import { type Context, EnforcementCategory, type StatisticsMetric } from '@tsp/shared';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';

import { enforcementStatistics } from '../read/enforcement-statistics.js';
import type { CategoryFigures } from '../rules/statistics.js';
import { CategoryStatistics, EnforcementStatistics, StatisticsFigures } from './statistics.types.js';

const categories = (list: CategoryFigures[]): CategoryStatistics[] =>
  list.map((c) => ({ category: c.category as EnforcementCategory | null, figures: new StatisticsFigures(c.figures) }));

@Resolver()
export class StatisticsResolver {
  @Query(() => EnforcementStatistics, {
    description:
      '行政执法统计 A region’s figures of a year: the region’s SUPERVISOR and ADMIN every agency, an agency’s staff their own line; refused to integrators, another region’s supervisor and the public',
  })
  async enforcementStatistics(
    @Ctx() ctx: Context,
    @Arg('region', { description: '区域 Region' }) region: string,
    @Arg('year', () => Int, { description: '年度 Calendar year' }) year: number,
  ): Promise<EnforcementStatistics> {
    const s = await enforcementStatistics(ctx.identity, ctx.em, region, year);
    return {
      ...s,
      agencies: s.agencies.map((a) => ({
        agency: { id: a.agencyId },
        agencyName: a.agencyName,
        byCategory: categories(a.byCategory),
        totals: new StatisticsFigures(a.totals),
        rates: a.rates,
      })),
      byCategory: categories(s.byCategory),
      totals: new StatisticsFigures(s.totals),
      monthly: s.monthly.map((m) => ({ ...m, metric: m.metric as StatisticsMetric })),
    };
  }
}
