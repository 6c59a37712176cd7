import type { ServiceName } from '../config.js';
import {
  type DecisionReviewCheck,
  type DecisionReviewCheckInput,
  DecisionReviewCheckSchema,
} from '../contracts/review.js';
import type { DomainEvent } from '../events/types.js';
import { ask, lazyClient } from './answer.js';
import { readFeed } from './feed.js';

/** The typed client of review's internal queries, for any other service. */
export interface ReviewClient {
  /** Whether a decision is major and whether a PASSED review of its case covers it. */
  decisionReviewCheck(input: DecisionReviewCheckInput): Promise<DecisionReviewCheck>;
  /** review's events after a position (ReviewPassed, …). */
  events(after: number, limit: number): Promise<DomainEvent[]>;
}

const CHECK = `query($i:DecisionReviewCheckInput!){ decisionReviewCheck(input:$i){ major reasons covered reviewId problem largeAmount departureReviewId } }`;

export function reviewClient(from: ServiceName): ReviewClient {
  const client = lazyClient(from, 'review');
  return {
    decisionReviewCheck: (input) =>
      ask(client(), 'review', 'decisionReviewCheck', CHECK, { i: input }, DecisionReviewCheckSchema),
    events: (after, limit) => readFeed(client(), 'review', after, limit),
  };
}
