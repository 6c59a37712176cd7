import { coverage, type ReviewedDecision } from './coverage.js';
import { type CatalogRule, type DecisionFacts, determineMajor } from './major.js';
import type { LargeAmounts } from './thresholds.js';

/** 法制审核要求 Whether a decision is major, why, and whether a PASSED review of the case covers it. */
export interface ReviewRequirementAnswer {
  major: boolean;
  reasons: string[];
  /** A minor decision needs no review, so it counts as covered. */
  covered: boolean;
  /** The PASSED review that covers it, if one does. */
  reviewId: string | null;
  /** Why it is not covered, or null. */
  problem: string | null;
}

/**
 * The one rule behind both `EnforcementCase.reviewRequirement` and the gate `recordDecision` passes
 * (review's `decisionReviewCheck`): given the same case facts and decision, they cannot disagree.
 * `passed` are the case's PASSED reviews, newest first.
 */
export function reviewRequirementOf(
  d: DecisionFacts,
  policy: { catalog: readonly CatalogRule[]; large: LargeAmounts },
  passed: readonly ReviewedDecision[],
): ReviewRequirementAnswer {
  const { major, reasons } = determineMajor(d, policy.catalog, policy.large);
  if (!major) return { major, reasons, covered: true, reviewId: null, problem: null };
  return { major, reasons, ...coverage(passed, d) };
}
