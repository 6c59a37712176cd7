import { type Orm, recordsClient, reviewClient, startConsumer, type Worker } from '@tsp/shared';

import { DECISION_CHALLENGE_DECIDED, onDecisionChallengeDecided } from './challenges.js';
import { DECISION_RECORDED, onDecisionRecorded } from './decisions.js';
import { onReviewEvent } from './reviews.js';

const records = recordsClient('disclosure');
const review = reviewClient('disclosure');

/** The disclosure subgraph's event consumers: decisions and their challenges from records, review outcomes from review. */
export function consumers(orm: Orm): Worker[] {
  return [
    startConsumer({
      orm,
      schema: 'disclosure',
      name: 'disclosure.decisions',
      source: 'records',
      fetch: (after, limit) => records.events(after, limit),
      handle: (em, e) =>
        e.type === DECISION_RECORDED
          ? onDecisionRecorded(em, e)
          : e.type === DECISION_CHALLENGE_DECIDED
            ? onDecisionChallengeDecided(em, e)
            : Promise.resolve(),
    }),
    startConsumer({
      orm,
      schema: 'disclosure',
      name: 'disclosure.reviews',
      source: 'review',
      fetch: (after, limit) => review.events(after, limit),
      handle: onReviewEvent,
    }),
  ];
}
