import { badInput, type Context, loadCalendar, requireText, shanghaiDate } from '@tsp/shared';

import type { ComplaintEntity } from '../entities/index.js';
import { publishComplaintEvent } from '../events/complaint-events.js';
import { answerDueOn, COMPLAINT_LIMITS, DEFAULT_DUE_WORKING_DAYS } from '../rules/complaint.js';
import { ComplaintAction } from '../rules/kinds.js';
import { complaintFor, recordStep } from './complaint-row.js';

/** 重新办理 The bureau sends an answered (or closed) complaint back to the agency with the reason and a new due day. */
export async function reopenComplaint(
  ctx: Context,
  id: string,
  reason: string,
  dueWorkingDays?: number | null,
): Promise<ComplaintEntity> {
  const why = requireText('reason', reason, COMPLAINT_LIMITS.text);
  const days = dueWorkingDays ?? DEFAULT_DUE_WORKING_DAYS;
  return ctx.em.transactional(async (tx) => {
    const cal = await loadCalendar(tx);
    const due = answerDueOn(cal, shanghaiDate(), days, null);
    if ('problem' in due) throw badInput('dueWorkingDays', due.problem);
    const c = await complaintFor(ctx, tx, id, 'bureau', ComplaintAction.REOPEN);
    recordStep(ctx, tx, c, ComplaintAction.REOPEN, why, due.dueOn);
    const now = new Date();
    c.assignedAt = now;
    c.dueOn = due.dueOn;
    c.reopenCount += 1;
    c.firstReopenedAt ??= now;
    c.reopenReason = why;
    // The agency answers afresh; the earlier answer and conclusion stay in the steps.
    c.answer = null;
    c.answeredAt = null;
    c.conclusion = null;
    c.closedAt = null;
    c.upheld = null;
    await tx.flush();
    await publishComplaintEvent(tx, 'ComplaintReopened', c);
    return c;
  });
}
