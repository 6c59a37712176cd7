import { type Context, type InspectionEventPayload, readScopedLog } from '@tsp/shared';

import { INSPECTION_EVENT_TYPES } from '../events/inspection-events.js';
import type { InspectionOutcome, InspectionStatus } from '../rules/kinds.js';

/** 涉企检查事件日志 inspection's outbox as a durable, resumable log, scoped by the token (like reviewEvents). */
export async function listInspectionEvents(
  ctx: Context,
  after?: string | null,
  first?: number | null,
  agencyId?: string | null,
) {
  const log = await readScopedLog<InspectionEventPayload>(
    ctx,
    'inspection',
    INSPECTION_EVENT_TYPES,
    {
      after,
      first,
      agencyId,
    },
    { payloadAgencies: true },
  );
  const edges = log.nodes.map((r) => ({
    cursor: r.cursor,
    node: {
      id: r.id,
      type: r.type,
      occurredAt: r.occurredAt,
      cursor: r.cursor,
      agency: { id: r.agencyId },
      inspection: { id: r.subjectId },
      status: r.payload.status as InspectionStatus,
      outcome: r.payload.outcome as InspectionOutcome | null,
      score: r.payload.rating?.score ?? null,
    },
  }));
  return { edges, pageInfo: { hasNextPage: log.hasNextPage, endCursor: log.endCursor } };
}
