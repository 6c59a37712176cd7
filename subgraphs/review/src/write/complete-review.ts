import { assertCanWrite, type Context, optionalText, requireRole, Role, shanghaiDate } from '@tsp/shared';

import type { LegalReviewEntity } from '../entities/index.js';
import { OUTCOME_EVENT, publishReviewEvent } from '../events/review-events.js';
import { mergeAnswers } from '../rules/checklist.js';
import { assertConcludingReviewer, assertConclusion } from '../rules/conclusion.js';
import { assertDiscretionPassable, keepCheckComment } from '../rules/discretion-item.js';
import { assertTransition, outcomeStatus, ReviewOutcome } from '../rules/status.js';
import { existing, locked } from './review-row.js';

export interface CompleteReviewInputLike {
  reviewId: string;
  outcome: ReviewOutcome;
  checklist: { code: string; answer: boolean; comment?: string | null }[];
  opinion?: string | null;
}

/** 作出审核结论 The reviewer answers the form and concludes PASS, RETURN or FAIL. */
export async function completeReview(ctx: Context, input: CompleteReviewInputLike): Promise<LegalReviewEntity> {
  requireRole(ctx.identity, Role.LEGAL_REVIEWER);
  const r = await existing(ctx, input.reviewId);
  assertCanWrite(ctx.identity, r.agencyId, [Role.LEGAL_REVIEWER]);
  assertConcludingReviewer({ officerId: ctx.identity.sub, reviewerId: r.reviewerId });
  assertTransition(r.status, 'complete');
  const given = input.checklist.map((a) => ({ code: a.code, answer: a.answer, comment: a.comment ?? null }));
  const form = keepCheckComment(mergeAnswers(r.category, r.checklist, given), given, r.discretion);
  const opinion = optionalText('opinion', input.opinion, 4000);
  assertConclusion(input.outcome, r.category, form, opinion);
  if (input.outcome === ReviewOutcome.PASS) assertDiscretionPassable(r.discretion);
  return ctx.em.transactional(async (em) => {
    const row = await locked(em, r.id);
    assertTransition(row.status, 'complete');
    row.checklist = form;
    row.status = outcomeStatus(input.outcome);
    row.reviewerOpinion = opinion;
    row.reviewerSignedOn = shanghaiDate();
    await em.flush();
    await publishReviewEvent(em, OUTCOME_EVENT[row.status as keyof typeof OUTCOME_EVENT], row, opinion);
    return row;
  });
}
