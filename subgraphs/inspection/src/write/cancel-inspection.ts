import { type Context, requireText } from '@tsp/shared';

import type { InspectionEntity } from '../entities/index.js';
import { publishInspectionEvent } from '../events/inspection-events.js';
import { InspectionAction } from '../rules/lifecycle.js';
import { inspectionFor } from './inspection-row.js';
import { INSPECTORS } from './plan-inspection.js';

/** 取消检查 Cancels an inspection that has not started, with the reason; its codes then show it as cancelled. */
export async function cancelInspection(ctx: Context, id: string, reason: string): Promise<InspectionEntity> {
  const why = requireText('reason', reason, 500);
  return ctx.em.transactional(async (tx) => {
    const i = await inspectionFor(ctx, tx, id, INSPECTORS, InspectionAction.CANCEL);
    i.cancelReason = why;
    await tx.flush();
    await publishInspectionEvent(tx, 'InspectionCancelled', i);
    return i;
  });
}
