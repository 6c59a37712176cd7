import { authorizeSummary, type Context, FindingCount, type SummaryKey, summaryType } from '@tsp/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { agencyReviewFindingCounts } from '../read/findings.js';

/** 监督统计 This subgraph's part of supervisionSummary: its findings counted per kind and category. */
export const AgencySupervisionSummary = summaryType();

@Resolver(() => AgencySupervisionSummary)
export class SummaryResolver {
  @FieldResolver(() => [FindingCount], { description: '法制审核部分 Review findings per kind and category' })
  async review(@Root() s: SummaryKey, @Ctx() ctx: Context): Promise<FindingCount[]> {
    return agencyReviewFindingCounts(ctx, s);
  }
}

export const summaryReference = (ref: SummaryKey, ctx: Context) => authorizeSummary(ctx.identity, ref);
