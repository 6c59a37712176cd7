import { alignMany, type Context, requireId, requireUser } from '@tsp/shared';

import { SupervisionInterviewEntity } from '../entities/index.js';
import { isBureauOf } from '../write/access.js';
import { hiddenInterview, isHeadOf } from '../write/instrument-access.js';

/** 约谈记录 What the GraphQL SupervisionInterview type shows. */
export interface InterviewView {
  id: string;
  agency: { id: string };
  heldAt: Date;
  interviewees: string;
  reasons: string;
  record: string;
  followUp: string;
  attachments: string[];
  recordedAt: Date;
}

const view = (r: SupervisionInterviewEntity): InterviewView => ({
  id: r.id,
  agency: { id: r.agencyId },
  heldAt: r.heldAt,
  interviewees: r.interviewees,
  reasons: r.reasons,
  record: r.record,
  followUp: r.followUp,
  attachments: r.attachments,
  recordedAt: r.recordedAt,
});

/** The bureau of the region (ADMIN) and the interviewed agency's head read the record; its other staff do not. */
const canSee = (ctx: Context, r: { agencyId: string; region: string }) =>
  isBureauOf(ctx.identity, r) || isHeadOf(ctx.identity, r);

export async function interviewById(ctx: Context, id: string): Promise<InterviewView> {
  requireUser(ctx.identity);
  const r = await ctx.em.findOne(SupervisionInterviewEntity, { id: requireId('supervision interview', id) });
  if (!r || !canSee(ctx, r)) throw hiddenInterview(id);
  return view(r);
}

/** Agency.supervisionInterviews: several agencies in one statement, newest first; empty for anyone else. */
export function agencyInterviews(ctx: Context, agencyId: string): Promise<InterviewView[]> {
  requireUser(ctx.identity);
  return ctx.loaders
    .get<string, InterviewView[]>('agencySupervisionInterviews', async (ids) => {
      const rows = await ctx.em.find(
        SupervisionInterviewEntity,
        { agencyId: { $in: [...ids] } },
        { orderBy: { heldAt: 'desc', id: 'desc' } },
      );
      return alignMany(
        ids,
        rows.filter((r) => canSee(ctx, r)),
        (r) => r.agencyId,
      ).map((list) => list.map(view));
    })
    .load(agencyId);
}
