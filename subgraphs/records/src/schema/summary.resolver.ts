import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FindingCount, authorizeSummary, countFindings, summaryType, type Context, type SummaryKey } from '@tsp/shared';
import { agencyLoad } from './agency-loaders.js';

/** 监督统计 This subgraph's part of supervisionSummary: its findings counted per kind and category. */
export const AgencySupervisionSummary = summaryType();

@Resolver(() => AgencySupervisionSummary)
export class SummaryResolver {
  @FieldResolver(() => [FindingCount], { description: '记录部分 Records findings per kind and category' })
  async records(@Root() s: SummaryKey, @Ctx() ctx: Context): Promise<FindingCount[]> {
    return countFindings(await agencyLoad.findings(ctx).load(s.agencyId), s.from, s.to);
  }
}

export const summaryReference = (ref: SummaryKey, ctx: Context) => authorizeSummary(ctx.identity, ref);
