import { assertCanWrite, conflict, type Context, requireRole, requireText, Role, shanghaiDate } from '@tsp/shared';

import type { LegalReviewEntity } from '../entities/index.js';
import { assertMayCountersign } from '../rules/reviewer.js';
import { assertTransition } from '../rules/status.js';
import { existing, locked } from './review-row.js';

export interface CountersignReviewInputLike {
  reviewId: string;
  opinion: string;
}

/** 法制机构负责人签署 The head of the legal office countersigns; the file is returned (退卷) that day. */
export async function countersignReview(ctx: Context, input: CountersignReviewInputLike): Promise<LegalReviewEntity> {
  requireRole(ctx.identity, Role.LEGAL_REVIEWER, Role.AGENCY_HEAD);
  const r = await existing(ctx, input.reviewId);
  assertCanWrite(ctx.identity, r.agencyId, [Role.LEGAL_REVIEWER, Role.AGENCY_HEAD]);
  assertMayCountersign({ officerId: ctx.identity.sub, reviewerId: r.reviewerId, handlerIds: r.handlerIds });
  const opinion = requireText('opinion', input.opinion, 4000);
  return ctx.em.transactional(async (em) => {
    const row = await locked(em, r.id);
    assertTransition(row.status, 'countersign');
    if (row.headSignedOn) throw conflict(`already countersigned on ${row.headSignedOn} / 已签署`);
    row.headId = ctx.identity.sub!;
    row.headOpinion = opinion;
    row.headSignedOn = shanghaiDate();
    row.returnedOn = row.headSignedOn;
    return row;
  });
}
