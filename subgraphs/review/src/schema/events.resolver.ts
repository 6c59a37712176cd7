import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, decodeCursor, encodeCursor, MAX_PAGE, readFilter, requireId, requireUser, type Context } from '@tsp/shared';
import { REVIEW_EVENT_TYPES } from '../events.js';
import { ReviewStatus } from './enums.js';
import { Agency, LegalReview, ReviewEvent, ReviewEventConnection } from './types.js';
import { readableReview } from './access.js';

interface OutboxRow {
  position: string;
  id: string;
  type: string;
  agency_id: string;
  occurred_at: Date;
  subject_id: string;
  payload: { caseId: string; caseNumber: string; status: ReviewStatus; dueOn: string };
}

/** The cursor is the log position, opaque to clients (the gateway's subscription starts from the same form). */
const cursorOf = (position: number) => encodeCursor(String(position));
function positionOf(cursor: string): number {
  const m = /^(\d+)$/.exec(decodeCursor(cursor));
  if (!m) throw badInput('after', 'not a review event cursor');
  return Number(m[1]);
}

/**
 * 法制审核事件日志 The durable, resumable log integrators read: review's own outbox in position
 * order, scoped by the token (an integrator its agencies or region, a supervisor its region,
 * agency roles their agency). The gateway's subscription feeds from the same log.
 */
@Resolver(() => ReviewEvent)
export class ReviewEventsResolver {
  @Query(() => ReviewEventConnection, { description: '法制审核事件（可续读） Review events after a cursor, oldest first; resume with pageInfo.endCursor' })
  async reviewEvents(
    @Ctx() ctx: Context,
    @Arg('after', () => String, { nullable: true, description: '游标 Continue after this event' }) after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 100, max 200)' }) first?: number | null,
    @Arg('agencyId', () => ID, { nullable: true, description: '仅此机关 Only this agency (within the token\'s scope)' }) agencyId?: string | null,
  ) {
    requireUser(ctx.identity);
    const limit = first ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw badInput('first', `must be 1…${MAX_PAGE}`);
    const where = ['position > ?', 'type = any(?::text[])'];
    const params: unknown[] = [after ? positionOf(after) : 0, `{${REVIEW_EVENT_TYPES.join(',')}}`];
    const scope = readFilter(ctx.identity);
    if (scope) {
      const or: string[] = [];
      if (scope.agencyIds?.length) {
        or.push('agency_id = any(?::uuid[])');
        params.push(`{${scope.agencyIds.join(',')}}`);
      }
      if (scope.region) {
        or.push('region = ?');
        params.push(scope.region);
      }
      where.push(or.length ? `(${or.join(' or ')})` : 'false');
    }
    if (agencyId) {
      where.push('agency_id = ?');
      params.push(requireId('agency', agencyId));
    }
    params.push(limit + 1);
    const rows: OutboxRow[] = await ctx.em.execute(
      `select position, id, type, agency_id, occurred_at, subject_id, payload from review.outbox where ${where.join(' and ')} order by position limit ?`,
      params,
    );
    const edges = rows.slice(0, limit).map((r) => {
      const position = Number(r.position);
      const node: ReviewEvent = {
        id: r.id, type: r.type, occurredAt: new Date(r.occurred_at), position, cursor: cursorOf(position), agency: { id: r.agency_id },
        review: { id: r.subject_id }, caseId: r.payload.caseId, caseNumber: r.payload.caseNumber, status: r.payload.status, dueOn: r.payload.dueOn,
      };
      return { cursor: node.cursor, node };
    });
    // An empty page keeps the caller's cursor, so polling from it never moves backwards.
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? after ?? null } };
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
