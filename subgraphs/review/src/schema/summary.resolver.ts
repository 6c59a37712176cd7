import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FindingCount, authorizeSummary, countFindings, summaryType, type Context, type SummaryKey } from '@tsp/shared';
import { AgencyFindingsResolver } from './findings.resolver.js';
import type { Agency } from './types.js';

/** 监督统计 This subgraph's part of supervisionSummary: its findings counted per kind and category. */
export const AgencySupervisionSummary = summaryType();

@Resolver(() => AgencySupervisionSummary)
export class SummaryResolver {
  @FieldResolver(() => [FindingCount], { description: '法制审核部分 Review findings per kind and category' })
  async review(@Root() s: SummaryKey, @Ctx() ctx: Context): Promise<FindingCount[]> {
    return countFindings(await new AgencyFindingsResolver().reviewFindings({ id: s.agencyId } as Agency, ctx), s.from, s.to);
  }
}

export const summaryReference = (ref: SummaryKey, ctx: Context) => authorizeSummary(ctx.identity, ref);
