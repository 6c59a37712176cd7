import { assertCanWrite, type Context, requireRole, Role } from '@tsp/shared';

import { officerFacts } from '../clients/personnel.js';
import type { LegalReviewEntity } from '../entities/index.js';
import { load } from '../read/loaders.js';
import { assertMayReview } from '../rules/reviewer.js';
import { assertTransition, ReviewStatus } from '../rules/status.js';
import { existing, locked } from './review-row.js';

/** 开始审核 A legal reviewer of the agency who may review this case takes it. */
export async function startReview(ctx: Context, reviewId: string): Promise<LegalReviewEntity> {
  requireRole(ctx.identity, Role.LEGAL_REVIEWER);
  const r = await existing(ctx, reviewId);
  assertCanWrite(ctx.identity, r.agencyId, [Role.LEGAL_REVIEWER]);
  assertTransition(r.status, 'start');
  const me = ctx.identity.sub;
  const [officer, hasCompletedReview] = await Promise.all([
    officerFacts(ctx, me),
    load.hasCompletedReview(ctx).load(me),
  ]);
  assertMayReview({
    officerId: me,
    tokenAgencyId: ctx.identity.agencyId,
    officer,
    reviewAgencyId: r.agencyId,
    handlerIds: r.handlerIds,
    hasCompletedReview,
  });
  return ctx.em.transactional(async (em) => {
    const row = await locked(em, r.id);
    assertTransition(row.status, 'start');
    row.status = ReviewStatus.IN_REVIEW;
    row.reviewerId = me;
    row.startedAt = new Date();
    return row;
  });
}
