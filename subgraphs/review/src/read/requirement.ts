import {
  assertCanRead,
  type Context,
  type DiscretionTier,
  isUuid,
  notFound,
  type PenaltyKind,
  requireService,
} from '@tsp/shared';

import { caseFacts } from '../clients/records.js';
import type { LegalReviewEntity } from '../entities/index.js';
import { departureReviewId } from '../rules/departure.js';
import { type DecisionFacts, isLargeAmount } from '../rules/major.js';
import { type ReviewRequirementAnswer, reviewRequirementOf } from '../rules/requirement.js';
import { ReviewStatus } from '../rules/status.js';
import { load } from './loaders.js';
import { agencyPolicy, passedDecisions } from './policy.js';

/** A decision asked about: what reviewRequirement and decisionReviewCheck compare with the PASSED reviews. */
export interface DecisionToCheck {
  penaltyKinds: PenaltyKind[];
  fineAmount?: string | null;
  confiscationAmount?: string | null;
}

/**
 * The case's reviews, newest first. Every row carries the case's agency and region, so no other
 * subgraph is needed to authorize.
 */
export async function caseReviews(ctx: Context, caseId: string): Promise<LegalReviewEntity[]> {
  const rows = await load.reviewsOfCase(ctx).load(caseId);
  if (rows.length) assertCanRead(ctx.identity, rows[0], 'case');
  return rows;
}

export interface CaseReviewRequirement extends ReviewRequirementAnswer {
  basedOn: string;
  passedReview: { id: string } | null;
}

/** Whether the case's decision (the one asked about, else the latest proposed) is major and a PASSED review covers it. */
export async function caseReviewRequirement(
  ctx: Context,
  caseId: string,
  decision?: DecisionToCheck | null,
): Promise<CaseReviewRequirement> {
  const facts = await caseFacts(ctx, caseId);
  if (!facts) throw notFound('case', caseId);
  assertCanRead(ctx.identity, facts, 'case');
  const [policy, reviews] = await Promise.all([
    agencyPolicy(ctx, facts.agencyId),
    load.reviewsOfCase(ctx).load(caseId),
  ]);
  const latest = reviews[0];
  const asked = decision ?? latest ?? { penaltyKinds: [] };
  const answer = reviewRequirementOf(
    {
      category: facts.category,
      partyType: facts.partyType,
      amountInvolved: facts.amountInvolved,
      hearingHeld: facts.hearingHeld,
      penaltyKinds: asked.penaltyKinds,
      fineAmount: asked.fineAmount,
      confiscationAmount: asked.confiscationAmount,
    },
    policy,
    passedDecisions(reviews),
  );
  const passed = reviews.find((r) => r.status === ReviewStatus.PASSED);
  return {
    ...answer,
    basedOn: basedOn(decision, latest),
    passedReview: passed ? { id: passed.id } : null,
  };
}

function basedOn(decision: DecisionToCheck | null | undefined, latest: LegalReviewEntity | undefined): string {
  if (decision) return '案件事实及所查询的决定 / case facts and the decision asked about';
  if (latest) {
    const on = latest.receivedOn;
    return `案件事实及 ${on} 送审的拟决定 / case facts and the proposed decision submitted ${on}`;
  }
  return (
    '案件事实（尚未送审；处罚决定仍可能属于重大，请传入 decision） / case facts only (nothing submitted yet; a penalty may ' +
    'still make the decision major: pass `decision`)'
  );
}

/** What records' decision gate asks: the decision and the case facts it knows, with the case and agency ids. */
export interface DecisionReviewCheckQuery extends DecisionFacts {
  caseId: string;
  agencyId: string;
  discretion?: { benchmarkId: string; tier: DiscretionTier; departures?: string[] | null } | null;
}

/** Internal (service tokens): is this decision major, and does a PASSED review of the case cover it. */
export async function decisionReviewCheck(
  ctx: Context,
  input: DecisionReviewCheckQuery,
): Promise<ReviewRequirementAnswer & { largeAmount: boolean; departureReviewId: string | null }> {
  requireService(ctx.identity);
  const agencyId = isUuid(input.agencyId) ? input.agencyId.toLowerCase() : '00000000-0000-0000-0000-000000000000';
  const caseId = isUuid(input.caseId) ? input.caseId.toLowerCase() : null;
  const [policy, reviews] = await Promise.all([
    agencyPolicy(ctx, agencyId),
    caseId ? load.reviewsOfCase(ctx).load(caseId) : [],
  ]);
  const own = reviews.filter((r) => r.agencyId === agencyId);
  // The same rule EnforcementCase.reviewRequirement answers with, so the two never disagree.
  const passed = passedDecisions(own);
  const answer = reviewRequirementOf(input, policy, passed);
  return {
    ...answer,
    largeAmount: isLargeAmount(input, policy.large),
    departureReviewId: departureReviewId(passed, input.discretion, input),
  };
}
