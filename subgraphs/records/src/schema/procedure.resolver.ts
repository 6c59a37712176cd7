import { asAnswer, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';

import type { CaseEntity } from '../entities/index.js';
import { caseProcedureView, periodsOf, procedureSettingsOf } from '../read/procedure.js';
import { recordHearing } from '../write/hearing.js';
import { servePriorNotice } from '../write/prior-notice.js';
import { setStatementPeriod } from '../write/settings.js';
import { CaseProcedure, ProcedureSettings, RecordHearingInput, ServePriorNoticeInput } from './procedure.types.js';
import { Agency, EnforcementCase } from './types.js';

/** Thin: 告知、听证 and their settings; the rules live in rules/procedure.ts, the gate in write/procedure-gate.ts. */
@Resolver()
export class ProcedureMutationResolver {
  @Mutation(() => CaseProcedure, {
    description:
      '送达行政处罚事先告知书 Serve the prior notice (OFFICER, AGENCY_HEAD); answers with the case procedure and its deadlines',
  })
  async servePriorNotice(
    @Ctx() ctx: Context,
    @Arg('input', { description: '事先告知 The notice' }) input: ServePriorNoticeInput,
  ) {
    const n = await servePriorNotice(ctx, input);
    return caseProcedureView(ctx, n.caseId);
  }

  @Mutation(() => CaseProcedure, {
    description: '记录听证 Record a hearing held, with its chair and record (OFFICER, AGENCY_HEAD)',
  })
  async recordHearing(
    @Ctx() ctx: Context,
    @Arg('input', { description: '听证 The hearing' }) input: RecordHearingInput,
  ) {
    const h = await recordHearing(ctx, input);
    return caseProcedureView(ctx, h.caseId);
  }

  @UseMiddleware(Idempotent('records', asAnswer()))
  @Mutation(() => ProcedureSettings, {
    description:
      "设置陈述申辩期限（机关负责人、管理员） Set the agency's statement-and-defence period (3–15 working days)",
  })
  async setStatementPeriod(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('workingDays', () => Int, { description: '工作日数 Working days' }) workingDays: number,
  ) {
    return periodsOf(await setStatementPeriod(ctx, agencyId, workingDays));
  }
}

@Resolver(() => EnforcementCase)
export class CaseProcedureResolver {
  @FieldResolver(() => CaseProcedure, {
    description: "告知、陈述申辩与听证 The party's procedural rights as the record shows them",
  })
  procedure(@Root() c: CaseEntity, @Ctx() ctx: Context) {
    return caseProcedureView(ctx, c.id);
  }
}

@Resolver(() => Agency)
export class AgencyProcedureResolver {
  @FieldResolver(() => ProcedureSettings, {
    description: '程序期限（公开） Statement, hearing-request and hearing-notice periods in working days (public)',
  })
  procedureSettings(@Root() a: Agency, @Ctx() ctx: Context) {
    return procedureSettingsOf(ctx).load(a.id);
  }
}
