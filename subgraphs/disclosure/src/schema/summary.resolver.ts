import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FindingCount, authorizeSummary, countFindings, summaryType, type Context, type SummaryKey } from '@tsp/shared';
import { agencyDisclosureFindings } from '../read/findings.js';

/** 监督统计 This subgraph's part of supervisionSummary: its findings counted per kind and category. */
export const AgencySupervisionSummary = summaryType();

@Resolver(() => AgencySupervisionSummary)
export class SummaryResolver {
  @FieldResolver(() => [FindingCount], { description: '公示部分 Disclosure findings per kind and category' })
  async disclosure(@Root() s: SummaryKey, @Ctx() ctx: Context): Promise<FindingCount[]> {
    return countFindings(await agencyDisclosureFindings(ctx, { id: s.agencyId, region: s.region }), s.from, s.to);
  }
}

export const summaryReference = (ref: SummaryKey, ctx: Context) => authorizeSummary(ctx.identity, ref);
