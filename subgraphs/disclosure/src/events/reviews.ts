import type { EntityManager } from '@mikro-orm/postgresql';
import { type DomainEvent, ReviewEventPayloadSchema, shanghaiDate } from '@tsp/shared';

/** Review outcomes the annual report counts. */
export const REVIEW_OUTCOMES = ['ReviewPassed', 'ReviewReturned', 'ReviewFailed'] as const;

/** Projects a review outcome (by the day it happened) for the annual report; other review events are ignored. */
export async function onReviewEvent(em: EntityManager, e: DomainEvent): Promise<void> {
  if (!(REVIEW_OUTCOMES as readonly string[]).includes(e.type)) return;
  // The one field read here; a payload without it falls back to the event's subject, which is the review.
  const reviewId = ReviewEventPayloadSchema.shape.reviewId.catch(e.subjectId).parse(e.payload.reviewId);
  await em.execute(
    `insert into disclosure.review_outcome (event_id, review_id, agency_id, region, type, occurred_on) values (?, ?, ?, ?, ?, ?::date) on conflict do nothing`,
    [e.id, reviewId, e.agencyId, e.region, e.type, shanghaiDate(e.occurredAt)],
  );
}
