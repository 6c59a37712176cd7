import { asAnswer, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import { inspectionPlan } from '../read/annual-plan.js';
import { inspectionCaps } from '../read/caps.js';
import { verifyInspectionCode } from '../read/inspections.js';
import { setInspectionPlan } from '../write/annual-plan.js';
import { rateInspection } from '../write/rate-inspection.js';
import { PlanLineInput } from './inputs.js';
import {
  InspectionCaps,
  InspectionCodeVerification,
  InspectionPlanProgress,
  InspectionPlanSaved,
  InspectionRating,
} from './inspection.types.js';
import { Agency } from './types.js';

const CODE_ARG = { description: '检查码 The code shown to the enterprise (or read from its QR)' };

/** What the public reads without a token: codes, caps, annual plans; and the enterprise's rating. */
@Resolver()
export class InspectionPublicResolver {
  @Query(() => InspectionCodeVerification, {
    nullable: true,
    description: '检查码核验（公开，扫码入企） What a code proves: null for an unknown code (no token needed)',
  })
  verifyInspectionCode(@Ctx() ctx: Context, @Arg('code', CODE_ARG) code: string) {
    return verifyInspectionCode(ctx, code);
  }

  @UseMiddleware(Idempotent('inspection', asAnswer()))
  @Mutation(() => InspectionRating, {
    description:
      '企业评价（公开） The enterprise rates a finished visit once with its code, within 30 days (no token needed)',
  })
  rateInspection(
    @Ctx() ctx: Context,
    @Arg('code', CODE_ARG) code: string,
    @Arg('score', () => Int, { description: '评分 1 (poor) to 5 (good)' }) score: number,
    @Arg('comment', () => String, { nullable: true, description: '意见 Comment (seen by the agency and bureau only)' })
    comment?: string | null,
  ) {
    return rateInspection(ctx, code, score, comment);
  }

  @Query(() => InspectionCaps, { description: '检查频次上限（公开） The caps in force in a region (public)' })
  inspectionCaps(@Ctx() ctx: Context, @Arg('region', { description: '区域 Region' }) region: string) {
    return inspectionCaps(ctx, region);
  }

  @Query(() => [InspectionPlanProgress], {
    description: '年度检查计划执行（公开） An agency’s annual plan against inspections started that year (public)',
  })
  inspectionPlan(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('year', () => Int, { description: '年度 Year' }) year: number,
  ) {
    return inspectionPlan(ctx, agencyId, year);
  }

  @UseMiddleware(Idempotent('inspection', asAnswer()))
  @Mutation(() => InspectionPlanSaved, {
    description: '设定年度检查计划 Set an agency’s plan for a year, replacing the previous one (agency head, admin)',
  })
  setInspectionPlan(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('year', () => Int, { description: '年度 Year' }) year: number,
    @Arg('lines', () => [PlanLineInput], { description: '计划条目 Lines (each item once)' }) lines: PlanLineInput[],
  ) {
    return setInspectionPlan(ctx, agencyId, year, lines);
  }
}

@Resolver(() => Agency)
export class AgencyPlanResolver {
  @FieldResolver(() => [InspectionPlanProgress], {
    description: '年度检查计划执行（公开） The agency’s annual plan against what was done (public)',
  })
  inspectionPlan(
    @Root() a: Agency,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: '年度 Year' }) year: number,
  ) {
    return inspectionPlan(ctx, a.id, year);
  }
}
