import { assertCanWrite, conflict, type Context, requireRole, requireText, Role } from '@tsp/shared';

import { LegalReviewEntity } from '../entities/index.js';
import { publishReviewEvent } from '../events/review-events.js';
import { assertMayEscalate } from '../rules/handler.js';
import { assertCanEscalate, ReviewStatus } from '../rules/status.js';
import { existing, locked } from './review-row.js';

export interface EscalateReviewInputLike {
  reviewId: string;
  reason: string;
}

/** 提请协调决策 A handler who disagrees with RETURNED or FAILED escalates the newest review once. */
export async function escalateReview(ctx: Context, input: EscalateReviewInputLike): Promise<LegalReviewEntity> {
  requireRole(ctx.identity, Role.OFFICER);
  const r = await existing(ctx, input.reviewId);
  assertCanWrite(ctx.identity, r.agencyId, [Role.OFFICER]);
  assertMayEscalate({ officerId: ctx.identity.sub, handlerIds: r.handlerIds });
  const reason = requireText('reason', input.reason, 4000);
  return ctx.em.transactional(async (em) => {
    const row = await locked(em, r.id);
    assertCanEscalate(row.status, !!row.escalatedAt);
    const newer = await em.count(LegalReviewEntity, { caseId: row.caseId, createdAt: { $gt: row.createdAt } });
    if (newer) throw conflict('the case was resubmitted since; escalate the newest review / 本案已重新送审');
    row.escalatedFrom = row.status;
    row.status = ReviewStatus.COORDINATION;
    row.escalatedBy = ctx.identity.sub!;
    row.escalationReason = reason;
    row.escalatedAt = new Date();
    await em.flush();
    await publishReviewEvent(em, 'ReviewEscalated', row, reason);
    return row;
  });
}
