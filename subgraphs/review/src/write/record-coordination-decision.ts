import { assertCanWrite, type Context, requireDate, requireRole, requireText, Role, shanghaiDate } from '@tsp/shared';

import type { LegalReviewEntity } from '../entities/index.js';
import { OUTCOME_EVENT, publishReviewEvent } from '../events/review-events.js';
import { checkMeetingDay } from '../rules/coordination.js';
import { assertTransition, outcomeStatus, type ReviewOutcome } from '../rules/status.js';
import { existing, locked } from './review-row.js';

export interface CoordinationDecisionInputLike {
  reviewId: string;
  outcome: ReviewOutcome;
  decision: string;
  meetingOn: string;
  participants: string;
}

/** 记录集体讨论决定 The agency head records the leadership's collective decision on an escalated review. */
export async function recordCoordinationDecision(
  ctx: Context,
  input: CoordinationDecisionInputLike,
): Promise<LegalReviewEntity> {
  requireRole(ctx.identity, Role.AGENCY_HEAD);
  const r = await existing(ctx, input.reviewId);
  assertCanWrite(ctx.identity, r.agencyId, [Role.AGENCY_HEAD]);
  const decision = requireText('decision', input.decision, 4000);
  const participants = requireText('participants', input.participants, 1000);
  const meetingOn = requireDate('meetingOn', input.meetingOn);
  checkMeetingDay(meetingOn, r.escalatedAt ? shanghaiDate(r.escalatedAt) : null, shanghaiDate());
  return ctx.em.transactional(async (em) => {
    const row = await locked(em, r.id);
    assertTransition(row.status, 'coordinate');
    row.status = outcomeStatus(input.outcome);
    row.coordinationDecidedBy = ctx.identity.sub!;
    row.coordinationDecision = decision;
    row.coordinationMeetingOn = meetingOn;
    row.coordinationParticipants = participants;
    await em.flush();
    await publishReviewEvent(em, OUTCOME_EVENT[row.status as keyof typeof OUTCOME_EVENT], row, decision);
    return row;
  });
}
