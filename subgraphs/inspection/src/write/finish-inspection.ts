import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, conflict, type Context, EnforcementCategory, optionalText, requireId } from '@tsp/shared';

import { caseFacts } from '../clients/records.js';
import type { InspectionEntity } from '../entities/index.js';
import { publishInspectionEvent } from '../events/inspection-events.js';
import { InspectionOutcome } from '../rules/kinds.js';
import { InspectionAction } from '../rules/lifecycle.js';
import { inspectionFor } from './inspection-row.js';
import { INSPECTORS } from './plan-inspection.js';

/**
 * 检查结果 Finishes the visit with its outcome. CASE_OPENED names the case opened from it in records (立案查处: a case
 * of one of the inspecting agencies, of another category than INSPECTION), which it then links to.
 */
export async function finishInspection(
  ctx: Context,
  id: string,
  outcome: InspectionOutcome,
  note?: string | null,
  caseId?: string | null,
): Promise<InspectionEntity> {
  const text = optionalText('note', note, 2000);
  if (outcome === InspectionOutcome.RECTIFICATION_ORDERED && !text)
    throw badInput('note', 'say what must be rectified and by when / 写明整改内容和期限');
  if ((outcome === InspectionOutcome.CASE_OPENED) !== Boolean(caseId))
    throw badInput('caseId', 'name the case opened exactly when the outcome is CASE_OPENED / 立案查处须关联案件');
  const opened = caseId ? await caseFacts(requireId('caseId', caseId)) : null;
  return ctx.em
    .transactional(async (tx) => {
      const i = await inspectionFor(ctx, tx, id, INSPECTORS, InspectionAction.FINISH);
      if (
        caseId &&
        (!opened || !i.agencyIds.includes(opened.agencyId) || opened.category === EnforcementCategory.INSPECTION)
      )
        throw badInput('caseId', 'must be a case an inspecting agency opened from the visit / 须为检查机关立案的案件');
      i.finishedAt = new Date();
      i.outcome = outcome;
      i.outcomeNote = text;
      i.outcomeCaseId = caseId ?? null;
      await tx.flush();
      await publishInspectionEvent(tx, 'InspectionFinished', i);
      return i;
    })
    .catch((e: unknown) => {
      if (e instanceof UniqueConstraintViolationException)
        throw conflict('that case is already the outcome of another inspection', { field: 'caseId' });
      throw e;
    });
}
