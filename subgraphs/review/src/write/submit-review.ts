import {
  assertCanWrite,
  badInput,
  conflict,
  type Context,
  type DiscretionCircumstance,
  type DiscretionTier,
  EnforcementCategory,
  isUuid,
  loadCalendar,
  notFound,
  optionalText,
  type PenaltyKind,
  requireDate,
  requireId,
  requireRole,
  requireText,
  Role,
  shanghaiDate,
} from '@tsp/shared';

import { disclosure } from '../clients/disclosure.js';
import { caseFacts } from '../clients/records.js';
import { LegalReviewEntity } from '../entities/index.js';
import { publishReviewEvent } from '../events/review-events.js';
import { agencyPolicy } from '../read/policy.js';
import { blankChecklist } from '../rules/checklist.js';
import { type ProposalDiscretion, proposalDiscretion } from '../rules/discretion.js';
import { preAnswered } from '../rules/discretion-item.js';
import { reviewDueOn } from '../rules/due.js';
import { assertMaySubmit } from '../rules/handler.js';
import { checkProposal, checkReceivedOn } from '../rules/proposal.js';
import { OPEN_STATUSES, ReviewStatus } from '../rules/status.js';

export interface SubmitForReviewInputLike {
  caseId: string;
  complex: boolean;
  receivedOn?: string | null;
  proposedDecision: {
    penaltyKinds: PenaltyKind[];
    fineAmount?: string | null;
    confiscationAmount?: string | null;
    legalBasis: string;
    summary: string;
    discretion?: {
      benchmarkId: string;
      tier: DiscretionTier;
      circumstances?: DiscretionCircumstance[] | null;
      departureReason?: string | null;
    } | null;
  };
}

/** 送审 Submits a case's proposed decision for legal review; a case has at most one open review. */
export async function submitForReview(ctx: Context, input: SubmitForReviewInputLike): Promise<LegalReviewEntity> {
  requireRole(ctx.identity, Role.OFFICER, Role.AGENCY_HEAD);
  const caseId = requireId('case', input.caseId);
  const facts = await caseFacts(ctx, caseId);
  if (!facts) throw notFound('case', caseId);
  assertCanWrite(ctx.identity, facts.agencyId, [Role.OFFICER, Role.AGENCY_HEAD]);
  assertMaySubmit({ role: ctx.identity.role, officerId: ctx.identity.sub, handlerIds: facts.handlerIds });
  if (facts.decided) throw conflict('the case already has a decision / 案件已作出决定', { caseId });
  const p = input.proposedDecision;
  const penaltyKinds = [...new Set(p.penaltyKinds)];
  checkProposal({ penaltyKinds, fineAmount: p.fineAmount, confiscationAmount: p.confiscationAmount });
  const today = shanghaiDate();
  const receivedOn = input.receivedOn ? requireDate('receivedOn', input.receivedOn) : today;
  checkReceivedOn(receivedOn, today);
  const [policy, discretion] = await Promise.all([
    agencyPolicy(ctx, facts.agencyId),
    checkedDiscretion(facts, penaltyKinds, p),
  ]);

  return ctx.em.transactional(async (em) => {
    // Serialise submissions of one case: the newest review decides whether this resubmits a return.
    await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`review.case:${caseId}`]);
    const [latest] = await em.find(
      LegalReviewEntity,
      { caseId },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 1 },
    );
    if (latest && OPEN_STATUSES.includes(latest.status))
      throw conflict(`the case already has a review in status ${latest.status} / 本案已有未办结的审核`, {
        reviewId: latest.id,
      });
    const cal = await loadCalendar(em);
    const r = em.create(LegalReviewEntity, {
      agencyId: facts.agencyId,
      region: facts.region,
      caseId,
      caseNumber: facts.caseNumber,
      cause: facts.cause,
      category: facts.category,
      partyType: facts.partyType,
      handlerIds: facts.handlerIds,
      amountInvolved: facts.amountInvolved,
      hearingHeld: facts.hearingHeld,
      submittedBy: ctx.identity.sub!,
      previousReviewId: latest?.status === ReviewStatus.RETURNED ? latest.id : null,
      complex: input.complex,
      receivedOn,
      dueOn: reviewDueOn(cal, receivedOn, input.complex, policy.days),
      status: ReviewStatus.SUBMITTED,
      penaltyKinds,
      fineAmount: p.fineAmount ?? null,
      confiscationAmount: p.confiscationAmount ?? null,
      legalBasis: requireText('proposedDecision.legalBasis', p.legalBasis, 1000),
      summary: requireText('proposedDecision.summary', p.summary, 4000),
      discretion,
      checklist: preAnswered(blankChecklist(facts.category), discretion),
    });
    await em.flush();
    await publishReviewEvent(em, 'ReviewSubmitted', r, null);
    return r;
  });
}

/**
 * The benchmark the proposal applies, read from disclosure before anything is written (fail closed: no answer is
 * DEPENDENCY_UNAVAILABLE), and the proposal checked against it. Null when none is named.
 */
async function checkedDiscretion(
  facts: { agencyId: string; category: EnforcementCategory },
  penaltyKinds: PenaltyKind[],
  p: SubmitForReviewInputLike['proposedDecision'],
): Promise<ProposalDiscretion | null> {
  const d = p.discretion;
  if (!d) return null;
  if (facts.category !== EnforcementCategory.PENALTY)
    throw badInput(
      'proposedDecision.discretion',
      'a discretion benchmark applies to penalty cases only / 裁量基准仅适用于行政处罚',
    );
  const departureReason = optionalText('proposedDecision.discretion.departureReason', d.departureReason, 2000);
  const benchmark = isUuid(d.benchmarkId) ? await disclosure.discretionBenchmark(d.benchmarkId.toLowerCase()) : null;
  return proposalDiscretion(
    benchmark,
    facts.agencyId,
    { benchmarkId: d.benchmarkId, tier: d.tier, circumstances: d.circumstances ?? [], departureReason },
    { penaltyKinds, fineAmount: p.fineAmount ?? null },
  );
}
