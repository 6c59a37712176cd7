import { type Context, Role, shanghaiDate } from '@tsp/shared';

import { type InspectionEntity, InspectionScopeEntity, InspectionTargetEntity } from '../entities/index.js';
import { publishInspectionEvent } from '../events/inspection-events.js';
import { capsOf } from '../read/caps.js';
import { InspectionAction } from '../rules/lifecycle.js';
import { assertWithinCaps, checkedTeam, publishedItems } from './checks.js';
import { inspectionFor } from './inspection-row.js';
import { stateError } from './state-error.js';

/**
 * 批准检查 The lead agency's head approves an inspection before it starts: the items are still published, the team
 * still holds valid credentials, and the visit keeps within the region's caps on its first day. An urgent
 * inspection already started is approved afterwards (补办), as it stands: its checks ran when it started.
 */
export async function approveInspection(ctx: Context, id: string): Promise<InspectionEntity> {
  return ctx.em.transactional(async (tx) => {
    const i = await inspectionFor(ctx, tx, id, [Role.AGENCY_HEAD], InspectionAction.APPROVE);
    if (!i.startedAt) {
      const today = shanghaiDate();
      if (i.validUntil < today) throw stateError(i, `the window ended on ${i.validUntil} / 检查期限已过`);
      const day = i.validFrom > today ? i.validFrom : today;
      const scope = await tx.find(InspectionScopeEntity, { inspectionId: i.id });
      await publishedItems(
        tx,
        scope.map((s) => s.itemId),
        i.agencyIds,
      );
      i.team = await checkedTeam(i.officerIds, i.agencyIds, i.region, day);
      const targets = await tx.find(InspectionTargetEntity, { inspectionId: i.id });
      const enterpriseIds = targets.map((t) => t.enterpriseId);
      await assertWithinCaps(tx, await capsOf(tx, i.region), i, enterpriseIds, day);
    }
    i.approvedBy = ctx.identity.sub!;
    i.approvedAt = new Date();
    await tx.flush();
    await publishInspectionEvent(tx, 'InspectionApproved', i);
    return i;
  });
}
