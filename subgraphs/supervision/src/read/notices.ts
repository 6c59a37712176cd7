import { type Context, forbidden, pageArgs, requireText, toPage } from '@tsp/shared';

import { SupervisionNoticeEntity } from '../entities/index.js';
import type { NoticeKind } from '../rules/instrument-kinds.js';
import { isBureauOf } from '../write/access.js';
import { parseTimeKey, timeKey } from './time-cursor.js';

/** 通报 What the GraphQL SupervisionNotice type shows; the withdrawal only to the bureau (the public never sees it). */
export interface NoticeView {
  id: string;
  region: string;
  kind: NoticeKind;
  title: string;
  body: string;
  agencies: { id: string }[];
  publishedAt: Date;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
}

export const noticeView = (n: SupervisionNoticeEntity): NoticeView => ({
  id: n.id,
  region: n.region,
  kind: n.kind,
  title: n.title,
  body: n.body,
  agencies: n.agencyIds.map((id) => ({ id })),
  publishedAt: n.publishedAt,
  withdrawnAt: n.withdrawnAt,
  withdrawalReason: n.withdrawalReason,
});

/**
 * One notice: public while published; a withdrawn one only for the bureau of its region (ADMIN), with the reason.
 * Unknown, malformed or withdrawn for anyone else: null.
 */
export async function noticeById(ctx: Context, id: string): Promise<NoticeView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id ?? '')) return null;
  const n = await ctx.em.findOne(SupervisionNoticeEntity, { id: id.toLowerCase() });
  if (!n || (n.withdrawnAt && !isBureauOf(ctx.identity, n))) return null;
  return noticeView(n);
}

/**
 * 通报列表 A region's notices, newest first, one statement per page; withdrawn ones only when the bureau of the
 * region (ADMIN) asks for its history.
 */
export async function listNotices(
  ctx: Context,
  p: { region: string; first?: number | null; after?: string | null; includeWithdrawn?: boolean | null },
) {
  const region = requireText('region', p.region, 100);
  const { limit, after } = pageArgs(p.first, p.after);
  if (p.includeWithdrawn && !isBureauOf(ctx.identity, { region }))
    throw forbidden('withdrawn notices are the bureau’s history / 已撤回的通报仅司法行政部门可查');
  const where = ['n.region = ?'];
  const params: unknown[] = [region];
  if (!p.includeWithdrawn) where.push('n.withdrawn_at is null');
  if (after) {
    where.push('(n.published_at, n.id) < (?::timestamptz, ?::uuid)');
    params.push(...parseTimeKey(after, 'supervision notice'));
  }
  params.push(limit + 1);
  const rows = await ctx.em.execute(
    `select n.* from supervision.supervision_notice n where ${where.join(' and ')}
      order by n.published_at desc, n.id desc limit ?`,
    params,
  );
  const page = toPage(
    rows.map((r) => ctx.em.map(SupervisionNoticeEntity, r)),
    limit,
    (n) => timeKey(n.publishedAt, n.id),
  );
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: noticeView(e.node) })) };
}
