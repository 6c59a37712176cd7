import { z } from 'zod';

import type { EnforcementCategory, PartyType, PenaltyKind } from '../graphql/enums.js';

/** What records sends review about a decision it is about to record. */
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

/** review's answer: is the decision major (and why), and does a PASSED review of the case cover it. */
export const DecisionReviewCheckSchema = z.object({
  major: z.boolean(),
  reasons: z.array(z.string()),
  covered: z.boolean(),
  reviewId: z.string().nullable(),
  problem: z.string().nullable(),
  /** The fine or confiscation reaches the agency's 较大数额 (a hearing case under 行政处罚法 §63). */
  largeAmount: z.boolean(),
});
export type DecisionReviewCheck = z.infer<typeof DecisionReviewCheckSchema>;
