import type { Context } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import { readableReview } from '../read/review.js';
import { listReviewEvents } from '../read/review-events.js';
import { Agency, LegalReview, ReviewEvent, ReviewEventConnection } from './types.js';

/** 法制审核事件日志 The resumable log of review events, scoped by the token. */
@Resolver(() => ReviewEvent)
export class ReviewEventsResolver {
  @Query(() => ReviewEventConnection, {
    description: '法制审核事件（可续读） Review events after a cursor, oldest first; resume with pageInfo.endCursor',
  })
  reviewEvents(
    @Ctx() ctx: Context,
    @Arg('after', () => String, { nullable: true, description: '游标 Continue after this event' })
    after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 100, max 200)' })
    first?: number | null,
    @Arg('agencyId', () => ID, { nullable: true, description: "仅此机关 Only this agency (within the token's scope)" })
    agencyId?: string | null,
  ) {
    return listReviewEvents(ctx, after, first, agencyId);
  }

  @FieldResolver(() => LegalReview, { description: '审核 The review (as it is now)' })
  review(@Root() e: ReviewEvent, @Ctx() ctx: Context) {
    return readableReview(ctx, e.review.id);
  }

  @FieldResolver(() => Agency, { description: '所属机关 Agency' })
  agency(@Root() e: ReviewEvent) {
    return e.agency;
  }
}
