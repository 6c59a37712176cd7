import {
  badInput,
  type Context,
  decodeCursor,
  encodeCursor,
  MAX_PAGE,
  requireId,
  requireUser,
  scopeSql,
} from '@tsp/shared';

import { REVIEW_EVENT_TYPES } from '../events/review-events.js';
import type { ReviewStatus } from '../rules/status.js';

interface OutboxRow {
  position: string;
  id: string;
  type: string;
  agency_id: string;
  occurred_at: Date;
  subject_id: string;
  payload: { caseId: string; caseNumber: string; status: ReviewStatus; dueOn: string };
}

/** One event of the log as reviewEvents serves it. */
export interface ReviewEventView {
  id: string;
  type: string;
  occurredAt: Date;
  position: number;
  cursor: string;
  agency: { id: string };
  review: { id: string };
  caseId: string;
  caseNumber: string;
  status: ReviewStatus;
  dueOn: string;
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
export async function listReviewEvents(
  ctx: Context,
  after?: string | null,
  first?: number | null,
  agencyId?: string | null,
) {
  requireUser(ctx.identity);
  const limit = first ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw badInput('first', `must be 1…${MAX_PAGE}`);
  const scope = scopeSql(ctx.identity);
  const where = ['position > ?', 'type = any(?::text[])', scope.sql];
  const params: unknown[] = [after ? positionOf(after) : 0, `{${REVIEW_EVENT_TYPES.join(',')}}`, ...scope.params];
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
    const node: ReviewEventView = {
      id: r.id,
      type: r.type,
      occurredAt: new Date(r.occurred_at),
      position,
      cursor: cursorOf(position),
      agency: { id: r.agency_id },
      review: { id: r.subject_id },
      caseId: r.payload.caseId,
      caseNumber: r.payload.caseNumber,
      status: r.payload.status,
      dueOn: r.payload.dueOn,
    };
    return { cursor: node.cursor, node };
  });
  // An empty page keeps the caller's cursor, so polling from it never moves backwards.
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? after ?? null } };
}
