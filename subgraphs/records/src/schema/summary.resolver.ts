import { type Context, FindingCount, type SummaryKey, summaryType } from '@tsp/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { recordsSummary } from '../read/summary.js';

/** 监督统计 This subgraph's part of supervisionSummary: its findings counted per kind and category. */
export const AgencySupervisionSummary = summaryType();

@Resolver(() => AgencySupervisionSummary)
export class SummaryResolver {
  @FieldResolver(() => [FindingCount], { description: '记录部分 Records findings per kind and category' })
  records(@Root() s: SummaryKey, @Ctx() ctx: Context): Promise<FindingCount[]> {
    return recordsSummary(ctx, s);
  }
}
