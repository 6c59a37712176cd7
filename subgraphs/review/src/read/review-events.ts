import { type Context, readScopedLog } from '@tsp/shared';

import { REVIEW_EVENT_TYPES } from '../events/review-events.js';
import type { ReviewStatus } from '../rules/status.js';

interface OutboxPayload {
  caseId: string;
  caseNumber: string;
  status: ReviewStatus;
  dueOn: string;
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

/**
 * 法制审核事件日志 The durable, resumable log integrators read: review's own outbox in position order, scoped by
 * the token. The gateway's subscription feeds from the same log.
 */
export async function listReviewEvents(
  ctx: Context,
  after?: string | null,
  first?: number | null,
  agencyId?: string | null,
) {
  const log = await readScopedLog<OutboxPayload>(ctx, 'review', REVIEW_EVENT_TYPES, { after, first, agencyId });
  const edges = log.nodes.map((r) => {
    const node: ReviewEventView = {
      id: r.id,
      type: r.type,
      occurredAt: r.occurredAt,
      position: r.position,
      cursor: r.cursor,
      agency: { id: r.agencyId },
      review: { id: r.subjectId },
      caseId: r.payload.caseId,
      caseNumber: r.payload.caseNumber,
      status: r.payload.status,
      dueOn: r.payload.dueOn,
    };
    return { cursor: node.cursor, node };
  });
  return { edges, pageInfo: { hasNextPage: log.hasNextPage, endCursor: log.endCursor } };
}
