import { type Context, DateScalar } from '@tsp/shared';
import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';

import { caseFacts } from '../read/case-facts.js';
import { statisticsRows } from '../read/statistics.js';
import { StatisticsRow } from './statistics.types.js';
import { CaseFacts } from './types.js';

/** Queries other subgraphs call with a service token. @inaccessible: not part of the public API. */
@Resolver()
export class RecordsInternalResolver {
  @Directive('@inaccessible')
  @Query(() => [CaseFacts], {
    description: '内部：案件事实 Internal: the facts of cases by id (unknown ids are left out)',
  })
  caseFacts(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]): Promise<CaseFacts[]> {
    return caseFacts(ctx, ids);
  }

  @Directive('@inaccessible')
  @Query(() => [StatisticsRow], {
    description: "内部：执法统计 Internal: records' statistics rows of a region's agencies, days from..to",
  })
  statisticsRows(
    @Ctx() ctx: Context,
    @Arg('region', { description: '区域 Region' }) region: string,
    @Arg('from', () => DateScalar, { description: '起始日 First day' }) from: string,
    @Arg('to', () => DateScalar, { description: '截止日 Last day, included' }) to: string,
  ): Promise<StatisticsRow[]> {
    return statisticsRows(ctx, region, from, to);
  }
}
