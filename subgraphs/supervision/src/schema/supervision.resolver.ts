import { authorizeSummary, type Context, type Finding, FindingCount, type SummaryKey, summaryType } from '@tsp/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { agencySupervisionFindingCounts, agencySupervisionFindings } from '../read/findings.js';
import { Agency, SupervisionFinding } from './types.js';

/** 监督统计 This subgraph's part of supervisionSummary. */
export const AgencySupervisionSummary = summaryType();

@Resolver(() => Agency)
export class AgencySupervisionFindingsResolver {
  @FieldResolver(() => [SupervisionFinding], {
    description:
      '投诉举报、案卷评查与监督文书监督发现 Complaint findings (not answered by the due day, sent back after the answer), case files graded 不合格 in the bureau’s evaluation, and supervision opinions or decisions not answered by their due day. Refused for the public; empty outside the caller’s scope.',
  })
  supervisionFindings(@Root() a: Agency, @Ctx() ctx: Context): Promise<Finding[]> {
    return agencySupervisionFindings(ctx, a);
  }
}

@Resolver(() => AgencySupervisionSummary)
export class SupervisionSummaryResolver {
  @FieldResolver(() => [FindingCount], {
    description:
      '投诉举报、案卷评查与监督文书部分 Complaint, case-file evaluation and supervision-instrument findings per kind',
  })
  supervision(@Root() s: SummaryKey, @Ctx() ctx: Context): Promise<FindingCount[]> {
    return agencySupervisionFindingCounts(ctx, s);
  }
}

export const summaryReference = (ref: SummaryKey, ctx: Context) => authorizeSummary(ctx.identity, ref);
