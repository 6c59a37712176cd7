import { byId, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';

import { PublicationEntity } from '../entities/index.js';
import { correctPublication } from '../write/correct-publication.js';
import { publishDecision } from '../write/publish.js';
import { publishInspectionResult } from '../write/publish-inspection-result.js';
import { reportDecisionChange } from '../write/report-decision-change.js';
import { withdrawPublication } from '../write/withdraw-publication.js';
import { WithdrawalTrigger } from './enums.js';
import { InspectionResultInput, PublicationCorrectionInput } from './inputs.js';
import { DecisionPublication } from './types.js';

/** Thin: each mutation is one function in write/; a repeated Idempotency-Key answers with the publication read again. */
@Resolver()
export class PublicationWriteResolver {
  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, {
    description: '审核发布 Check and publish a draft (agency staff of the owning agency)',
  })
  publishDecision(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string,
    @Arg('checkNote', () => String, { nullable: true, description: '审核意见 Note of the check' })
    checkNote?: string | null,
  ) {
    return publishDecision(ctx, id, checkNote);
  }

  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, {
    description: '纠错 Correct a publication: a new revision with its reason; the history stays visible',
  })
  correctPublication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string,
    @Arg('input', () => PublicationCorrectionInput, {
      description: '纠正内容 Fields to correct; others stay as they are',
    })
    input: PublicationCorrectionInput,
    @Arg('reason', { description: '纠错理由 Reason (shown with the revision)' }) reason: string,
  ) {
    return correctPublication(ctx, id, input, reason);
  }

  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, {
    description:
      '撤回 Withdraw a published item: off the public list at once, kept for the agency with its history. When the decision was changed/revoked/confirmed illegal or void, give the trigger and the day it happened: the 3-working-day deadline is tracked.',
  })
  withdrawPublication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string,
    @Arg('reason', { description: '撤回理由 Reason (required)' }) reason: string,
    @Arg('trigger', () => WithdrawalTrigger, { nullable: true, description: '原因类型 What happened (default OTHER)' })
    trigger?: WithdrawalTrigger | null,
    @Arg('happenedOn', () => String, {
      nullable: true,
      description: '发生日期 Day the decision was changed/revoked (YYYY-MM-DD)',
    })
    happenedOn?: string | null,
  ) {
    return withdrawPublication(ctx, id, reason, trigger, happenedOn);
  }

  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, {
    description:
      '报告决定变更 Record that a published decision was changed/revoked/confirmed illegal or void: it must be withdrawn within 3 working days (行政处罚法 §48); overdue withdrawals become findings.',
  })
  reportDecisionChange(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string,
    @Arg('trigger', () => WithdrawalTrigger, { description: '原因类型 What happened to the decision' })
    trigger: WithdrawalTrigger,
    @Arg('happenedOn', () => String, { description: '发生日期 Day it happened (YYYY-MM-DD)' }) happenedOn: string,
    @Arg('note', { description: '说明 Note' }) note: string,
  ) {
    return reportDecisionChange(ctx, id, trigger, happenedOn, note);
  }

  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, {
    description:
      '双随机抽查结果公示 Enter a random-inspection result; masked like decisions; published at once unless publishNow is false',
  })
  publishInspectionResult(
    @Ctx() ctx: Context,
    @Arg('input', () => InspectionResultInput, { description: '抽查结果 The inspection result' })
    input: InspectionResultInput,
  ) {
    return publishInspectionResult(ctx, input);
  }
}
