import { type Context, loadCalendar, requireDate, shanghaiDate } from '@tsp/shared';

import type { PublicationEntity } from '../entities/index.js';
import { publishWithdrawnEvent } from '../events/publication-events.js';
import { withdrawalDueOn } from '../rules/deadlines.js';
import { PublicationStatus, RevisionAction, type WithdrawalTrigger } from '../rules/kinds.js';
import { maskText } from '../rules/masking.js';
import { assertWithdrawable, requireReason } from '../rules/publication.js';
import { requireNotFuture, startsWithdrawalDeadline, withdrawalTriggerOf } from '../rules/withdrawal.js';
import { inTransaction } from './in-transaction.js';
import { publicationForWrite } from './publication-for-write.js';
import { addRevision } from './revisions.js';

/**
 * 撤回 Withdraws a published item: off the public list at once, kept for the agency with its history. A §48
 * trigger without a running deadline starts one from the day it happened (today when not given).
 */
export async function withdrawPublication(
  ctx: Context,
  id: string,
  reason: string,
  trigger?: WithdrawalTrigger | null,
  happenedOn?: string | null,
): Promise<PublicationEntity> {
  return inTransaction(ctx, (tx) => withdrawLocked(tx, id, reason, trigger, happenedOn));
}

async function withdrawLocked(
  ctx: Context,
  id: string,
  reason: string,
  trigger?: WithdrawalTrigger | null,
  happenedOn?: string | null,
): Promise<PublicationEntity> {
  const p = await publicationForWrite(ctx, id);
  const today = shanghaiDate();
  assertWithdrawable(p, today);
  const why = maskText(requireReason('reason', reason), { partyType: p.partyType, partyName: p.partyNamePrivate });
  const t = withdrawalTriggerOf(trigger, p.withdrawalTrigger);
  if (startsWithdrawalDeadline(t, p.withdrawalDueOn)) {
    const on = requireNotFuture('happenedOn', happenedOn ? requireDate('happenedOn', happenedOn) : today, today);
    ctx.em.assign(p, { withdrawalEventOn: on, withdrawalDueOn: withdrawalDueOn(await loadCalendar(ctx.em), on) });
  }
  const now = new Date();
  ctx.em.assign(p, {
    status: PublicationStatus.WITHDRAWN,
    withdrawnAt: now,
    withdrawalReason: why,
    withdrawalTrigger: t,
    version: p.version + 1,
    updatedAt: now,
  });
  addRevision(ctx.em, p, RevisionAction.WITHDRAWN, why, ctx.identity.sub!);
  await ctx.em.flush();
  await publishWithdrawnEvent(ctx.em, p);
  return p;
}
