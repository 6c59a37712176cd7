import {
  type EntityManager,
  publishEvent,
  REVIEW_EVENT_TYPES,
  type ReviewEventPayload,
  type ReviewEventType,
} from '@tsp/shared';

import type { LegalReviewEntity } from '../entities/index.js';

/** Event types review publishes: the shared contract's list. */
export { REVIEW_EVENT_TYPES, type ReviewEventType };

/** Publishes a review event; its payload is the shared contract (ReviewEventPayloadSchema). */
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
    } satisfies ReviewEventPayload,
  });
}

export const OUTCOME_EVENT = { PASSED: 'ReviewPassed', RETURNED: 'ReviewReturned', FAILED: 'ReviewFailed' } as const;
