import { LockMode } from '@mikro-orm/core';
import { AppError, type Context, forbidden, notFound, requireId, requireText, requireUser } from '@tsp/shared';

import { SupervisionNoticeEntity } from '../entities/index.js';
import { publishNoticeEvent } from '../events/instrument-events.js';
import { NOTICE_LIMITS, withdrawProblem } from '../rules/notice.js';
import { isBureauOf } from './access.js';

/** 撤回通报 The bureau of the notice's region withdraws it with a reason: off the public list, kept with the reason. */
export async function withdrawSupervisionNotice(
  ctx: Context,
  id: string,
  reason: string,
): Promise<SupervisionNoticeEntity> {
  requireUser(ctx.identity);
  const why = requireText('reason', reason, NOTICE_LIMITS.reason);
  return ctx.em.transactional(async (tx) => {
    const n = await tx.findOne(
      SupervisionNoticeEntity,
      { id: requireId('supervision notice', id) },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!n) throw notFound('supervision notice', id);
    if (!isBureauOf(ctx.identity, n)) throw forbidden('only the justice bureau (司法局) of the region may withdraw it');
    const problem = withdrawProblem(n);
    if (problem) throw new AppError('CONFLICT', problem, { id: n.id });
    n.withdrawnAt = new Date();
    n.withdrawnBy = ctx.identity.sub ?? '';
    n.withdrawalReason = why;
    await tx.flush();
    await publishNoticeEvent(tx, 'SupervisionNoticeWithdrawn', n);
    return n;
  });
}
