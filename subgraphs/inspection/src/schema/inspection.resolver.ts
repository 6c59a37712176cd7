import { type Context, Idempotent, reloaded } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import type { InspectionEntity } from '../entities/index.js';
import { inspectionById, inspectionItems, inspectionTargets, listInspections } from '../read/inspections.js';
import { approveInspection } from '../write/approve-inspection.js';
import { cancelInspection } from '../write/cancel-inspection.js';
import { finishInspection } from '../write/finish-inspection.js';
import { planInspection } from '../write/plan-inspection.js';
import { startInspection } from '../write/start-inspection.js';
import { InspectionOutcome, InspectionStatus } from './enums.js';
import { PlanInspectionInput } from './inputs.js';
import {
  EnforcementCase,
  Inspection,
  InspectionConnection,
  InspectionOfficer,
  InspectionTarget,
} from './inspection.types.js';
import { Agency, InspectionItem } from './types.js';

/** A repeated Idempotency-Key answers with the inspection, read again. */
const replay = reloaded((ctx, id) => inspectionById(ctx, id));
const ID_ARG = { description: '检查标识 Inspection id' };

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => Inspection, { description: "涉企行政检查 One inspection (its agencies' staff, the supervisor)" })
  inspection(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return inspectionById(ctx, id);
  }

  @Query(() => InspectionConnection, {
    description: "涉企行政检查列表 Inspections in the caller's scope, newest planned first (lead or joint partner)",
  })
  inspections(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { nullable: true, description: '执法主体 Only this agency' }) agencyId?: string | null,
    @Arg('status', () => InspectionStatus, { nullable: true, description: '状态 Only this status' })
    status?: InspectionStatus | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数 Page size (default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 After this cursor' }) after?: string | null,
  ) {
    return listInspections(ctx, { agencyId, status, first, after });
  }

  @UseMiddleware(Idempotent('inspection', replay))
  @Mutation(() => Inspection, {
    description:
      "制定检查方案 Plan an inspection of the caller's agency (officer, agency head): published items only (ITEM_NOT_PUBLISHED), two credentialed officers (TWO_OFFICERS_REQUIRED, CREDENTIAL_INVALID)",
  })
  planInspection(@Ctx() ctx: Context, @Arg('input', { description: '检查方案 The plan' }) input: PlanInspectionInput) {
    return planInspection(ctx, input);
  }

  @UseMiddleware(Idempotent('inspection', replay))
  @Mutation(() => Inspection, {
    description:
      '批准检查 The agency head approves (items, credentials and frequency caps checked again: INSPECTION_CAP_EXCEEDED)',
  })
  approveInspection(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return approveInspection(ctx, id);
  }

  @UseMiddleware(Idempotent('inspection', replay))
  @Mutation(() => Inspection, {
    description:
      '实施检查 Start the visit today, inside the approved window (an urgent one before approval); names the INSPECTION case of records that holds its full-process records',
  })
  startInspection(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('recordsCaseId', () => ID, { description: '记录案件 The INSPECTION case opened in records for the visit' })
    recordsCaseId: string,
  ) {
    return startInspection(ctx, id, recordsCaseId);
  }

  @UseMiddleware(Idempotent('inspection', replay))
  @Mutation(() => Inspection, {
    description: '结束检查 Finish with the outcome; CASE_OPENED names the case opened from the visit',
  })
  finishInspection(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('outcome', () => InspectionOutcome, { description: '检查结果 Outcome' }) outcome: InspectionOutcome,
    @Arg('note', () => String, { nullable: true, description: '结果说明 What was found (required for rectification)' })
    note?: string | null,
    @Arg('caseId', () => ID, { nullable: true, description: '立案案件 The case opened (CASE_OPENED only)' })
    caseId?: string | null,
  ) {
    return finishInspection(ctx, id, outcome, note, caseId);
  }

  @UseMiddleware(Idempotent('inspection', replay))
  @Mutation(() => Inspection, { description: '取消检查 Cancel an inspection that has not started' })
  cancelInspection(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', { description: '取消理由 Reason' }) reason: string,
  ) {
    return cancelInspection(ctx, id, reason);
  }

  @FieldResolver(() => Agency, { description: '牵头机关 Lead agency' })
  agency(@Root() i: InspectionEntity) {
    return { id: i.agencyId };
  }

  @FieldResolver(() => [Agency], { description: '联合检查机关 Partner agencies' })
  partnerAgencies(@Root() i: InspectionEntity) {
    return i.partnerAgencyIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [InspectionOfficer], { description: '检查人员 The team as last checked' })
  officers(@Root() i: InspectionEntity) {
    return i.team.map((m) => ({ name: m.name, credentialNumber: m.credentialNumber, agency: { id: m.agencyId } }));
  }

  @FieldResolver(() => [InspectionItem], { description: '检查事项 Items inspected' })
  items(@Root() i: InspectionEntity, @Ctx() ctx: Context) {
    return inspectionItems(ctx, i);
  }

  @FieldResolver(() => [InspectionTarget], { description: '被检查企业 Enterprises, codes and ratings' })
  targets(@Root() i: InspectionEntity, @Ctx() ctx: Context) {
    return inspectionTargets(ctx, i);
  }

  @FieldResolver(() => EnforcementCase, { nullable: true, description: '全过程记录案件 Records case' })
  recordsCase(@Root() i: InspectionEntity) {
    return i.recordsCaseId ? { id: i.recordsCaseId } : null;
  }

  @FieldResolver(() => EnforcementCase, { nullable: true, description: '立案案件 Case opened' })
  outcomeCase(@Root() i: InspectionEntity) {
    return i.outcomeCaseId ? { id: i.outcomeCaseId } : null;
  }
}
