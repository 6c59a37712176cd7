import { badInput, type Context, loadCalendar, shanghaiDate } from '@tsp/shared';

import type { ComplaintEntity } from '../entities/index.js';
import { publishComplaintEvent } from '../events/complaint-events.js';
import { answerDueOn, DEFAULT_DUE_WORKING_DAYS } from '../rules/complaint.js';
import { ComplaintAction } from '../rules/kinds.js';
import { complaintFor, recordStep } from './complaint-row.js';

/** 交办 The bureau sends an accepted complaint to the agency, due in working days on the official calendar. */
export async function assignComplaint(
  ctx: Context,
  id: string,
  dueWorkingDays?: number | null,
): Promise<ComplaintEntity> {
  const days = dueWorkingDays ?? DEFAULT_DUE_WORKING_DAYS;
  return ctx.em.transactional(async (tx) => {
    const cal = await loadCalendar(tx);
    const today = shanghaiDate();
    const c = await complaintFor(ctx, tx, id, 'bureau', ComplaintAction.ASSIGN);
    const due = answerDueOn(cal, today, days, c.acceptedOn);
    if ('problem' in due) throw badInput('dueWorkingDays', due.problem);
    recordStep(ctx, tx, c, ComplaintAction.ASSIGN, null, due.dueOn);
    c.assignedAt = new Date();
    c.dueOn = due.dueOn;
    await tx.flush();
    await publishComplaintEvent(tx, 'ComplaintAssigned', c);
    return c;
  });
}
