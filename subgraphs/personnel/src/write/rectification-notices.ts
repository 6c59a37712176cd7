import {
  badInput,
  type Context,
  type FindingKind,
  forbidden,
  notFound,
  reloaded,
  requireDate,
  requireId,
  requireRole,
  requireText,
  Role,
  shanghaiDate,
} from '@tsp/shared';

import { RectificationNoticeEntity } from '../entities/index.js';
import { agencyOrThrow } from '../read/access.js';
import { type NoticeView, noticeView } from '../read/notices.js';
import { noticeDueProblem, noticeResponseProblem } from '../rules/supervision.js';

export interface IssueNoticeInputLike {
  agencyId: string;
  findingKind: FindingKind;
  subjectId: string;
  notice: string;
  dueOn: string;
}

/** A repeated Idempotency-Key answers with the notice, read again. */
export const noticeReplay = reloaded(async (ctx, id) =>
  noticeView(await ctx.em.findOneOrFail(RectificationNoticeEntity, { id })),
);

/** 发出整改通知 The supervisor of the agency's region issues a notice of rectification against a finding. */
export async function issueRectificationNotice(ctx: Context, input: IssueNoticeInputLike): Promise<NoticeView> {
  requireRole(ctx.identity, Role.SUPERVISOR);
  const agency = await agencyOrThrow(ctx, input.agencyId);
  if (agency.region !== ctx.identity.region) throw forbidden('this agency is outside your region / 不在监督区域内');
  const dueOn = requireDate('dueOn', input.dueOn);
  const dueProblem = noticeDueProblem(dueOn, shanghaiDate());
  if (dueProblem) throw badInput('dueOn', dueProblem);
  const n = ctx.em.create(RectificationNoticeEntity, {
    agencyId: agency.id,
    region: agency.region,
    findingKind: input.findingKind,
    subjectId: requireText('subjectId', input.subjectId, 100),
    notice: requireText('notice', input.notice, 4000),
    dueOn,
    issuedBy: ctx.identity.sub,
  });
  await ctx.em.flush();
  return noticeView(n);
}

/** 回复整改通知 The head of the agency the notice is addressed to records its response, once. */
export async function respondToRectificationNotice(ctx: Context, id: string, response: string): Promise<NoticeView> {
  requireRole(ctx.identity, Role.AGENCY_HEAD);
  const n = await ctx.em.findOne(RectificationNoticeEntity, { id: requireId('notice', id) });
  if (!n) throw notFound('notice', id);
  if (n.agencyId !== ctx.identity.agencyId) throw forbidden('this notice is addressed to another agency');
  const answered = noticeResponseProblem(n);
  if (answered) throw badInput('id', answered);
  n.response = requireText('response', response, 4000);
  n.respondedBy = ctx.identity.sub;
  n.respondedAt = new Date();
  await ctx.em.flush();
  return noticeView(n);
}
