import { assertCanRead, type Context, forbidden, requireId, Role, scopeWhere, shanghaiDate } from '@tsp/shared';

import { type AgencyEntity, RectificationNoticeEntity } from '../entities/index.js';
import { type NoticeState, noticeState } from '../rules/supervision.js';
import { load } from './loaders.js';

export type NoticeView = RectificationNoticeEntity & { state: NoticeState };

/** A notice as the API shows it: with its state today. */
export const noticeView = (n: RectificationNoticeEntity): NoticeView => ({
  ...n,
  state: noticeState(n, shanghaiDate()),
});

/** Notices concern the supervisor and the agency: the public and integrators are refused, not shown an empty list. */
function requireNoticeReader(ctx: Context): void {
  if (!ctx.identity.role || ctx.identity.role === Role.INTEGRATOR)
    throw forbidden('notices are for supervisors and the agencies concerned');
}

/** 整改通知 Notices in the caller's read scope (supervisor: its region; agency staff: their agency), newest first. */
export async function rectificationNotices(ctx: Context, agencyId?: string | null): Promise<NoticeView[]> {
  requireNoticeReader(ctx);
  const only = agencyId ? { agencyId: requireId('agency', agencyId) } : {};
  const rows = await ctx.em.find(
    RectificationNoticeEntity,
    { $and: [scopeWhere(ctx.identity), only] },
    { orderBy: { issuedAt: 'desc' }, limit: 500 },
  );
  return rows.map(noticeView);
}

/** 整改通知 The notices addressed to one agency (the region's supervisor, the agency). */
export async function agencyNotices(ctx: Context, a: AgencyEntity): Promise<NoticeView[]> {
  assertCanRead(ctx.identity, { agencyId: a.id, region: a.region }, 'notices');
  if (ctx.identity.role === Role.INTEGRATOR) throw forbidden('notices are for supervisors and the agencies concerned');
  return (await load.noticesOfAgency(ctx).load(a.id)).map(noticeView);
}
