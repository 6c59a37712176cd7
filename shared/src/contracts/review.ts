import { z } from 'zod';

import type { EnforcementCategory, PartyType, PenaltyKind } from '../graphql/enums.js';
import type { DiscretionTier } from './discretion.js';

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
  /** 裁量 The benchmark and tier the decision names, when it departs from them and needs a review that covered it. */
  discretion: { benchmarkId: string; tier: DiscretionTier; departures: string[] } | null;
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
  /**
   * The PASSED review of this case whose proposal named the same benchmark and tier, itself departed from it with a
   * reason (so the reviewer accepted a departure), and covers the decision's terms (major or not): what a departure
   * from the benchmark needs. Null when none, or no discretion was asked.
   */
  departureReviewId: z.string().nullable(),
});
export type DecisionReviewCheck = z.infer<typeof DecisionReviewCheckSchema>;
