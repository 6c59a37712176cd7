import { badInput, byId, type Context, idempotent, type Remember, requireDate, requireText, Role } from '@tsp/shared';

import { CaseEntity, DeadlineExtensionEntity } from '../entities/index.js';
import { extensionProblem } from '../rules/deadlines.js';
import { licensingExtensionCheck } from './licensing.js';
import { caseForWrite, lockCase } from './lock.js';

/**
 * 延长办案期限 行政处罚法 §60 lets the agency head approve more time; the extension is kept
 * (append-only) with its reason and approver, and the case's due date moves. A licensing decision
 * (行政许可法 §42) may be extended once its acceptance is recorded, by at most 10 working days in all.
 */
export function extendDecisionDeadline(
  ctx: Context,
  caseId: string,
  newDueOn: string,
  reasonIn: string,
): Promise<CaseEntity> {
  return idempotent(
    ctx,
    'records',
    'extendDecisionDeadline',
    { caseId, newDueOn, reason: reasonIn },
    byId(CaseEntity),
    (remember) => extendDecisionDeadlineOnce(ctx, caseId, newDueOn, reasonIn, remember),
  );
}

async function extendDecisionDeadlineOnce(
  ctx: Context,
  caseId: string,
  newDueOn: string,
  reasonIn: string,
  remember: Remember<CaseEntity>,
): Promise<CaseEntity> {
  const c = await caseForWrite(ctx, caseId, [Role.AGENCY_HEAD]);
  requireDate('newDueOn', newDueOn);
  const reason = requireText('reason', reasonIn, 1000);
  return ctx.em.transactional(async (tx) => {
    const locked = await lockCase(tx, c.id);
    const p =
      extensionProblem({ dueOn: locked.decisionDueOn, decided: locked.decided }, newDueOn, reason) ??
      (await licensingExtensionCheck(tx, locked, newDueOn));
    if (p) throw badInput('newDueOn', p);
    tx.create(DeadlineExtensionEntity, {
      caseId: locked.id,
      fromDueOn: locked.decisionDueOn!,
      toDueOn: newDueOn,
      reason,
      approvedBy: ctx.identity.sub!,
    });
    locked.decisionDueOn = newDueOn;
    await remember(tx, locked);
    return locked;
  });
}
