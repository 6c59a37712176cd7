import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, conflict, type Context, EnforcementCategory, requireId, shanghaiDate } from '@tsp/shared';

import { caseFacts } from '../clients/records.js';
import { type InspectionEntity, InspectionScopeEntity, InspectionTargetEntity } from '../entities/index.js';
import { publishInspectionEvent } from '../events/inspection-events.js';
import { capsOf } from '../read/caps.js';
import { startDayProblem } from '../rules/code.js';
import { InspectionAction } from '../rules/lifecycle.js';
import { assertWithinCaps, checkedTeam, publishedItems } from './checks.js';
import { inspectionFor } from './inspection-row.js';
import { INSPECTORS } from './plan-inspection.js';
import { stateError } from './state-error.js';

/**
 * 实施检查 Starts the visit, today, inside its window (approved, or urgent and approved afterwards). The items, the team's credentials and the caps are
 * checked again on the day (an urgent visit skips the caps: it cannot wait, and a finding reports it if it breaks
 * one). The visit's full-process records go in the journal of a records case of category INSPECTION of the lead
 * agency, opened for it and named here.
 */
export async function startInspection(ctx: Context, id: string, recordsCaseId: string): Promise<InspectionEntity> {
  const caseId = requireId('recordsCaseId', recordsCaseId);
  const facts = await caseFacts(caseId);
  return ctx.em
    .transactional(async (tx) => {
      const i = await inspectionFor(ctx, tx, id, INSPECTORS, InspectionAction.START);
      if (!facts || facts.agencyId !== i.agencyId || facts.category !== EnforcementCategory.INSPECTION)
        throw badInput('recordsCaseId', 'must be an INSPECTION case of the lead agency / 须为本机关的行政检查案件');
      const today = shanghaiDate();
      const offDay = startDayProblem(i, today);
      if (offDay) throw stateError(i, offDay);
      const scope = await tx.find(InspectionScopeEntity, { inspectionId: i.id });
      await publishedItems(
        tx,
        scope.map((s) => s.itemId),
        i.agencyIds,
      );
      i.team = await checkedTeam(i.officerIds, i.agencyIds, i.region, today);
      if (!i.urgent) {
        const targets = await tx.find(InspectionTargetEntity, { inspectionId: i.id });
        const enterpriseIds = targets.map((t) => t.enterpriseId);
        await assertWithinCaps(tx, await capsOf(tx, i.region), i, enterpriseIds, today);
      }
      i.startedAt = new Date();
      i.startedOn = today;
      i.recordsCaseId = caseId;
      await tx.flush();
      await publishInspectionEvent(tx, 'InspectionStarted', i);
      return i;
    })
    .catch((e: unknown) => {
      if (e instanceof UniqueConstraintViolationException)
        throw conflict('that records case already belongs to another inspection', { field: 'recordsCaseId' });
      throw e;
    });
}
