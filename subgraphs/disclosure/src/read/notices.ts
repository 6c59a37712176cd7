import { badInput, type Context, forbidden, isUuid, pageArgs, requireText, Role, toPage } from '@tsp/shared';

import type { NoticeKind } from '../rules/notice.js';

/** 通报公示 What the GraphQL SupervisionNotice type shows: the copy as published (masked). */
export interface PublicNoticeView {
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

interface Row {
  id: string;
  region: string;
  kind: NoticeKind;
  title: string;
  body: string;
  agency_ids: string[];
  published_at: Date;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
}

const view = (r: Row): PublicNoticeView => ({
  id: r.id,
  region: r.region,
  kind: r.kind,
  title: r.title,
  body: r.body,
  agencies: r.agency_ids.map((id) => ({ id })),
  publishedAt: new Date(r.published_at),
  withdrawnAt: r.withdrawn_at && new Date(r.withdrawn_at),
  withdrawalReason: r.withdrawal_reason,
});

/** 司法局 The bureau of the region (ADMIN: every region) keeps seeing what it took down, with the reason. */
const isBureauOf = (ctx: Context, region: string) =>
  ctx.identity.role === Role.ADMIN || (ctx.identity.role === Role.SUPERVISOR && ctx.identity.region === region);

/** One published notice, to anyone; a withdrawn one only to the bureau of its region; else (or unknown) null. */
export async function publicNoticeById(ctx: Context, id: string): Promise<PublicNoticeView | null> {
  if (!isUuid(id ?? '')) return null;
  const rows: Row[] = await ctx.em.execute(`select * from disclosure.supervision_notice where id = ?`, [
    id.toLowerCase(),
  ]);
  const r = rows[0];
  if (!r || (r.withdrawn_at && !isBureauOf(ctx, r.region))) return null;
  return view(r);
}

const cursorOf = (n: PublicNoticeView) => `${n.publishedAt.toISOString()}|${n.id}`;

function parseCursor(key: string): [string, string] {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|(.{36})$/.exec(key);
  if (!m || new Date(m[1]).toISOString() !== m[1] || !isUuid(m[2])) throw badInput('after', 'not a notice cursor');
  return [m[1], m[2]];
}

/**
 * 通报列表 A region's published notices, newest first, one statement per page; the withdrawn ones (with the reason as
 * published) only when the bureau of the region (ADMIN) asks for its history.
 */
export async function listPublicNotices(
  ctx: Context,
  p: { region: string; first?: number | null; after?: string | null; includeWithdrawn?: boolean | null },
) {
  const region = requireText('region', p.region, 100);
  const { limit, after } = pageArgs(p.first, p.after);
  if (p.includeWithdrawn && !isBureauOf(ctx, region))
    throw forbidden('withdrawn notices are the bureau’s history / 已撤回的通报仅司法行政部门可查');
  const where = ['n.region = ?'];
  const params: unknown[] = [region];
  if (!p.includeWithdrawn) where.push('n.withdrawn_at is null');
  if (after) {
    where.push('(n.published_at, n.id) < (?::timestamptz, ?::uuid)');
    params.push(...parseCursor(after));
  }
  params.push(limit + 1);
  const rows: Row[] = await ctx.em.execute(
    `select n.* from disclosure.supervision_notice n where ${where.join(' and ')}
      order by n.published_at desc, n.id desc limit ?`,
    params,
  );
  return toPage(rows.map(view), limit, cursorOf);
}
