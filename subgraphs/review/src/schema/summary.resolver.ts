import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FindingCount, authorizeSummary, countFindings, summaryType, type Context, type SummaryKey } from '@tsp/shared';
import { agencyReviewFindings } from './findings.resolver.js';

/** 监督统计 This subgraph's part of supervisionSummary: its findings counted per kind and category. */
export const AgencySupervisionSummary = summaryType();

@Resolver(() => AgencySupervisionSummary)
export class SummaryResolver {
  @FieldResolver(() => [FindingCount], { description: '法制审核部分 Review findings per kind and category' })
  async review(@Root() s: SummaryKey, @Ctx() ctx: Context): Promise<FindingCount[]> {
    return countFindings(await agencyReviewFindings(ctx, { id: s.agencyId }), s.from, s.to);
  }
}

export const summaryReference = (ref: SummaryKey, ctx: Context) => authorizeSummary(ctx.identity, ref);
