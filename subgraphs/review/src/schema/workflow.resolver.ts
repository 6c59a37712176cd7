import { byId, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';

import { LegalReviewEntity } from '../entities/index.js';
import { completeReview } from '../write/complete-review.js';
import { countersignReview } from '../write/countersign-review.js';
import { escalateReview } from '../write/escalate-review.js';
import { recordCoordinationDecision } from '../write/record-coordination-decision.js';
import { startReview } from '../write/start-review.js';
import { submitForReview } from '../write/submit-review.js';
import {
  CompleteReviewInput,
  CoordinationDecisionInput,
  CountersignReviewInput,
  EscalateReviewInput,
  SubmitForReviewInput,
} from './inputs.js';
import { LegalReview } from './types.js';

/** The review workflow; each mutation is one use case in write/. */
@Resolver()
export class WorkflowResolver {
  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, {
    description:
      '送审 Submit a proposed decision of a case for legal review (a handler of the case, or the agency head)',
  })
  submitForReview(
    @Ctx() ctx: Context,
    @Arg('input', { description: '送审 The submission' }) input: SubmitForReviewInput,
  ): Promise<LegalReviewEntity> {
    return submitForReview(ctx, input);
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, {
    description:
      '开始审核 A legal reviewer of the agency takes the review (not a handler; first-time reviewers need the legal professional qualification)',
  })
  startReview(
    @Ctx() ctx: Context,
    @Arg('reviewId', () => ID, { description: '法制审核 Review id' }) reviewId: string,
  ): Promise<LegalReviewEntity> {
    return startReview(ctx, reviewId);
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, {
    description:
      '作出审核结论 The reviewer concludes: PASS (every item answered the lawful way), RETURN or FAIL (with an opinion)',
  })
  completeReview(
    @Ctx() ctx: Context,
    @Arg('input', { description: '审核结论 The conclusion' }) input: CompleteReviewInput,
  ): Promise<LegalReviewEntity> {
    return completeReview(ctx, input);
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, {
    description: '法制机构负责人签署 The head of the legal office countersigns; the file is returned (退卷) that day',
  })
  countersignReview(
    @Ctx() ctx: Context,
    @Arg('input', { description: '负责人签署 The countersignature' }) input: CountersignReviewInput,
  ): Promise<LegalReviewEntity> {
    return countersignReview(ctx, input);
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, {
    description: '提请协调决策 A handler who disagrees with RETURNED or FAILED escalates to the leadership (once)',
  })
  escalateReview(
    @Ctx() ctx: Context,
    @Arg('input', { description: '提请协调 The escalation' }) input: EscalateReviewInput,
  ): Promise<LegalReviewEntity> {
    return escalateReview(ctx, input);
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, {
    description: "记录集体讨论决定 The agency head records the leadership's collective decision on an escalated review",
  })
  recordCoordinationDecision(
    @Ctx() ctx: Context,
    @Arg('input', { description: "集体讨论决定 The leadership's decision" }) input: CoordinationDecisionInput,
  ): Promise<LegalReviewEntity> {
    return recordCoordinationDecision(ctx, input);
  }
}
