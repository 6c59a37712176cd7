import { type Orm, recordsClient, reviewClient, startConsumer, supervisionClient, type Worker } from '@tsp/shared';

import { DECISION_CHALLENGE_DECIDED, onDecisionChallengeDecided } from './challenges.js';
import { DECISION_RECORDED, onDecisionRecorded } from './decisions.js';
import { onNoticeEvent } from './notices.js';
import { onReviewEvent } from './reviews.js';

const records = recordsClient('disclosure');
const review = reviewClient('disclosure');
const supervision = supervisionClient('disclosure');

/**
 * The disclosure subgraph's event consumers: decisions and their challenges from records, review outcomes from review,
 * the justice bureau's public notices (通报) from supervision.
 */
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
    startConsumer({
      orm,
      schema: 'disclosure',
      name: 'disclosure.notices',
      source: 'supervision',
      fetch: (after, limit) => supervision.events(after, limit),
      handle: (em, e) => onNoticeEvent(em, e, (id) => supervision.noticeText(id)),
    }),
  ];
}
