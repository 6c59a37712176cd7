import { type Context, loadCalendar, requireDate, requireText, shanghaiDate } from '@tsp/shared';

import type { PublicationEntity } from '../entities/index.js';
import { withdrawalDueOn } from '../rules/deadlines.js';
import { RevisionAction, type WithdrawalTrigger } from '../rules/kinds.js';
import { maskText } from '../rules/masking.js';
import { assertWithdrawable } from '../rules/publication.js';
import { requireDeadlineTrigger, requireNotFuture } from '../rules/withdrawal.js';
import { inTransaction } from './in-transaction.js';
import { publicationForWrite } from './publication-for-write.js';
import { addRevision } from './revisions.js';

/**
 * 报告决定变更 Records that a published decision was changed, revoked, confirmed illegal or void: it must be
 * withdrawn within 3 working days of that day (行政处罚法 §48 第二款); overdue withdrawals become findings.
 */
export async function reportDecisionChange(
  ctx: Context,
  id: string,
  trigger: WithdrawalTrigger,
  happenedOn: string,
  note: string,
): Promise<PublicationEntity> {
  // No event: the item stays on the public list until it is withdrawn (PublicationWithdrawn); only the deadline runs.
  return inTransaction(ctx, (tx) => reportLocked(tx, id, trigger, happenedOn, note));
}

async function reportLocked(
  ctx: Context,
  id: string,
  trigger: WithdrawalTrigger,
  happenedOn: string,
  note: string,
): Promise<PublicationEntity> {
  const p = await publicationForWrite(ctx, id);
  const today = shanghaiDate();
  assertWithdrawable(p, today);
  requireDeadlineTrigger('trigger', trigger);
  const on = requireNotFuture('happenedOn', requireDate('happenedOn', happenedOn), today);
  const why = maskText(requireText('note', note, 500), { partyType: p.partyType, partyName: p.partyNamePrivate });
  const dueOn = withdrawalDueOn(await loadCalendar(ctx.em), on);
  ctx.em.assign(p, {
    withdrawalTrigger: trigger,
    withdrawalEventOn: on,
    withdrawalDueOn: dueOn,
    version: p.version + 1,
    updatedAt: new Date(),
  });
  addRevision(ctx.em, p, RevisionAction.WITHDRAWAL_REQUIRED, why, ctx.identity.sub!);
  await ctx.em.flush();
  return p;
}
