import { type Context, optionalText, requireText, shanghaiDate } from '@tsp/shared';

import type { ComplaintEntity } from '../entities/index.js';
import { COMPLAINT_LIMITS } from '../rules/complaint.js';
import { ComplaintAction } from '../rules/kinds.js';
import { complaintFor, recordStep } from './complaint-row.js';

/**
 * 受理 / 不予受理 The bureau accepts a complaint (an optional internal note) or rejects it with the reason, which
 * the complainant reads with the receipt code (信访工作条例 §22: the complainant is told why).
 */
export async function triageComplaint(
  ctx: Context,
  id: string,
  accept: boolean,
  note?: string | null,
): Promise<ComplaintEntity> {
  const text = accept
    ? optionalText('note', note, COMPLAINT_LIMITS.text)
    : requireText('note', note, COMPLAINT_LIMITS.text);
  return ctx.em.transactional(async (tx) => {
    const action = accept ? ComplaintAction.ACCEPT : ComplaintAction.REJECT;
    const c = await complaintFor(ctx, tx, id, 'bureau', action);
    recordStep(ctx, tx, c, action, text);
    c.triagedAt = new Date();
    c.triageNote = text;
    if (accept) c.acceptedOn = shanghaiDate(c.triagedAt);
    await tx.flush();
    return c;
  });
}
