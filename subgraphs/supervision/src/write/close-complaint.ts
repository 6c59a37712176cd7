import { type Context, requireText } from '@tsp/shared';

import type { ComplaintEntity } from '../entities/index.js';
import { publishComplaintEvent } from '../events/complaint-events.js';
import { COMPLAINT_LIMITS } from '../rules/complaint.js';
import { ComplaintAction } from '../rules/kinds.js';
import { complaintFor, recordStep } from './complaint-row.js';

/** 办结 The bureau concludes: whether the complaint was founded (upheld) and its conclusion, read by the complainant. */
export async function closeComplaint(
  ctx: Context,
  id: string,
  conclusion: string,
  upheld: boolean,
): Promise<ComplaintEntity> {
  const text = requireText('conclusion', conclusion, COMPLAINT_LIMITS.text);
  return ctx.em.transactional(async (tx) => {
    const c = await complaintFor(ctx, tx, id, 'bureau', ComplaintAction.CLOSE);
    recordStep(ctx, tx, c, ComplaintAction.CLOSE, text);
    c.conclusion = text;
    c.upheld = upheld;
    c.closedAt = new Date();
    await tx.flush();
    await publishComplaintEvent(tx, 'ComplaintClosed', c);
    return c;
  });
}
