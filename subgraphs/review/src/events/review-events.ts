import { type EntityManager, publishEvent } from '@tsp/shared';

import type { LegalReviewEntity } from '../entities/index.js';

/** Event types review publishes, in its outbox and through reviewEvents, webhooks and the subscription. */
export type ReviewEventType =
  'ReviewSubmitted' | 'ReviewPassed' | 'ReviewReturned' | 'ReviewFailed' | 'ReviewEscalated' | 'ReviewOverdue';
export const REVIEW_EVENT_TYPES: readonly ReviewEventType[] = [
  'ReviewSubmitted',
  'ReviewPassed',
  'ReviewReturned',
  'ReviewFailed',
  'ReviewEscalated',
  'ReviewOverdue',
];

/** Every review event's payload: { reviewId, caseId, caseNumber, category, status, reviewerId|null, opinion|null, dueOn }. */
export function publishReviewEvent(
  em: EntityManager,
  type: ReviewEventType,
  r: LegalReviewEntity,
  opinion: string | null,
) {
  return publishEvent(em, 'review', {
    type,
    agencyId: r.agencyId,
    region: r.region,
    subjectId: r.id,
    payload: {
      reviewId: r.id,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      category: r.category,
      status: r.status,
      reviewerId: r.reviewerId,
      opinion,
      dueOn: r.dueOn,
    },
  });
}

export const OUTCOME_EVENT = { PASSED: 'ReviewPassed', RETURNED: 'ReviewReturned', FAILED: 'ReviewFailed' } as const;
