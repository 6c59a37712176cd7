import { authorizeSummary, type Context, FindingCount, type SummaryKey, summaryType } from '@tsp/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { disclosureSummary } from '../read/findings.js';

/** 监督统计 This subgraph's part of supervisionSummary: its findings counted per kind and category. */
export const AgencySupervisionSummary = summaryType();

@Resolver(() => AgencySupervisionSummary)
export class SummaryResolver {
  @FieldResolver(() => [FindingCount], { description: '公示部分 Disclosure findings per kind and category' })
  disclosure(@Root() s: SummaryKey, @Ctx() ctx: Context): Promise<FindingCount[]> {
    return disclosureSummary(ctx, s);
  }
}

export const summaryReference = (ref: SummaryKey, ctx: Context) => authorizeSummary(ctx.identity, ref);
