import { InternalClient, type EnforcementCategory, type PartyType, type PenaltyKind } from '@tsp/shared';

export interface DecisionReviewCheckInput {
  caseId: string;
  agencyId: string;
  category: EnforcementCategory;
  partyType: PartyType;
  penaltyKinds: PenaltyKind[];
  fineAmount: string | null;
  confiscationAmount: string | null;
  amountInvolved: string | null;
  hearingHeld: boolean;
}

export interface DecisionReviewCheck {
  major: boolean;
  reasons: string[];
  covered: boolean;
  reviewId: string | null;
  problem: string | null;
}

let client: InternalClient | undefined;
const review = () => (client ??= new InternalClient('records', 'review'));

/** Asks review whether the decision is major and whether a PASSED review of the case covers it. */
export async function decisionReviewCheck(input: DecisionReviewCheckInput): Promise<DecisionReviewCheck> {
  const r = await review().request<{ decisionReviewCheck: DecisionReviewCheck }>(
    `query($i: DecisionReviewCheckInput!){ decisionReviewCheck(input:$i){ major reasons covered reviewId problem } }`,
    { i: input },
  );
  return r.decisionReviewCheck;
}
