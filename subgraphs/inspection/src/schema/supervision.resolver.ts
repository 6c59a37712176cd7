import {
  asAnswer,
  authorizeSummary,
  type Context,
  type Finding,
  FindingCount,
  Idempotent,
  type SummaryKey,
  summaryType,
} from '@tsp/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';

import { agencyInspectionFindingCounts, agencyInspectionFindings } from '../read/findings.js';
import { setInspectionCaps } from '../write/caps.js';
import { InspectionCapsInput } from './inputs.js';
import { InspectionCaps, SupervisionFinding } from './inspection.types.js';
import { Agency } from './types.js';

/** 监督统计 This subgraph's part of supervisionSummary. */
export const AgencySupervisionSummary = summaryType();

@Resolver()
export class CapsResolver {
  @UseMiddleware(Idempotent('inspection', asAnswer()))
  @Mutation(() => InspectionCaps, {
    description: '设定检查频次上限 Set a region’s frequency caps (SUPERVISOR of the region, ADMIN)',
  })
  async setInspectionCaps(
    @Ctx() ctx: Context,
    @Arg('region', { description: '区域 Region' }) region: string,
    @Arg('caps', { description: '上限 The caps' }) caps: InspectionCapsInput,
  ) {
    return { region, ...(await setInspectionCaps(ctx, region, caps)) };
  }
}

@Resolver(() => Agency)
export class AgencyInspectionFindingsResolver {
  @FieldResolver(() => [SupervisionFinding], {
    description:
      '涉企检查监督发现 Inspection findings: without approval, outside the list, over a cap, not joined, poorly rated, no outcome. Refused for the public; empty outside the caller’s scope.',
  })
  inspectionFindings(@Root() a: Agency, @Ctx() ctx: Context): Promise<Finding[]> {
    return agencyInspectionFindings(ctx, a);
  }
}

@Resolver(() => AgencySupervisionSummary)
export class InspectionSummaryResolver {
  @FieldResolver(() => [FindingCount], { description: '涉企检查部分 Inspection findings per kind' })
  inspection(@Root() s: SummaryKey, @Ctx() ctx: Context): Promise<FindingCount[]> {
    return agencyInspectionFindingCounts(ctx, s);
  }
}

export const summaryReference = (ref: SummaryKey, ctx: Context) => authorizeSummary(ctx.identity, ref);
