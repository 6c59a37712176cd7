import { type DecisionReviewCheck, type DecisionReviewCheckInput, reviewClient } from '@tsp/shared';

export type { DecisionReviewCheck, DecisionReviewCheckInput };

const review = reviewClient('records');

/** Asks review whether the decision is major and whether a PASSED review of the case covers it. */
export function decisionReviewCheck(input: DecisionReviewCheckInput): Promise<DecisionReviewCheck> {
  return review.decisionReviewCheck(input);
}
