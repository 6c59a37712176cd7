import { type Context, requireText } from '@tsp/shared';

import type { ComplaintEntity } from '../entities/index.js';
import { publishComplaintEvent } from '../events/complaint-events.js';
import { COMPLAINT_LIMITS } from '../rules/complaint.js';
import { ComplaintAction } from '../rules/kinds.js';
import { complaintFor, recordStep } from './complaint-row.js';

/** 答复 The agency answers a complaint the bureau sent it (the complainant reads the answer with the receipt code). */
export async function answerComplaint(ctx: Context, id: string, answer: string): Promise<ComplaintEntity> {
  const text = requireText('answer', answer, COMPLAINT_LIMITS.text);
  return ctx.em.transactional(async (tx) => {
    const c = await complaintFor(ctx, tx, id, 'agency', ComplaintAction.ANSWER);
    recordStep(ctx, tx, c, ComplaintAction.ANSWER, text);
    c.answer = text;
    c.answeredAt = new Date();
    await tx.flush();
    await publishComplaintEvent(tx, 'ComplaintAnswered', c);
    return c;
  });
}
