import {
  type Context,
  forbidden,
  isUuid,
  pageArgs,
  requireService,
  requireText,
  requireUser,
  toPage,
} from '@tsp/shared';

import { SupervisionNoticeEntity } from '../entities/index.js';
import type { NoticeKind } from '../rules/instrument-kinds.js';
import { isBureauOf } from '../write/access.js';
import { parseTimeKey, timeKey } from './time-cursor.js';

/** 通报原件 What the GraphQL SupervisionNoticeRecord type shows: the notice as written, for the bureau. */
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
 * 通报原件 One notice as written, withdrawn ones too, for the bureau of its region (ADMIN); null for anyone else and
 * for an unknown or malformed id. The public reads disclosure's masked copy instead.
 */
export async function noticeRecordById(ctx: Context, id: string): Promise<NoticeView | null> {
  requireUser(ctx.identity);
  if (!isUuid(id ?? '')) return null;
  const n = await ctx.em.findOne(SupervisionNoticeEntity, { id: id.toLowerCase() });
  return n && isBureauOf(ctx.identity, n) ? noticeView(n) : null;
}

/** 内部：通报原文 A notice as written, for disclosure (service tokens only); null when unknown. */
export async function noticeText(ctx: Context, id: string) {
  requireService(ctx.identity);
  if (!isUuid(id ?? '')) return null;
  const n = await ctx.em.findOne(SupervisionNoticeEntity, { id: id.toLowerCase() });
  return n && { ...noticeView(n), agencyIds: n.agencyIds };
}

/**
 * 通报登记 A region's notices as written, newest first, one statement per page, for the bureau of the region (ADMIN);
 * withdrawn ones when it asks for its history.
 */
export async function listNoticeRecords(
  ctx: Context,
  p: { region: string; first?: number | null; after?: string | null; includeWithdrawn?: boolean | null },
) {
  requireUser(ctx.identity);
  const region = requireText('region', p.region, 100);
  const { limit, after } = pageArgs(p.first, p.after);
  if (!isBureauOf(ctx.identity, { region }))
    throw forbidden('the register of notices is the bureau’s / 通报登记仅司法行政部门可查');
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
