import { type Context, forbidden, pageArgs, requireId, requireUser, Role, toPage } from '@tsp/shared';

import { ComplaintEntity } from '../entities/index.js';
import type { ComplaintStatus } from '../rules/kinds.js';
import { receiptHash } from '../rules/receipt.js';
import { HANDLERS, hidden, isBureauOf, isHandlerOf } from '../write/access.js';
import { parseTimeKey, timeKey } from './time-cursor.js';
import { type ComplaintProgressView, type ComplaintView, complaintView, progressView } from './views.js';

/** One complaint for the bureau of its region (ADMIN) or the staff of the agency it was sent to; NOT_FOUND otherwise. */
export async function complaintById(ctx: Context, id: string): Promise<ComplaintView> {
  requireUser(ctx.identity);
  const c = await ctx.em.findOne(ComplaintEntity, { id: requireId('complaint', id) });
  if (!c || !(isBureauOf(ctx.identity, c) || isHandlerOf(ctx.identity, c))) throw hidden(id);
  return complaintView(ctx.identity, c);
}

export interface ComplaintFilter {
  status?: ComplaintStatus | null;
  agencyId?: string | null;
  /** Only those past their due day and not answered. */
  overdue?: boolean | null;
}

/**
 * 投诉举报列表 The bureau's complaints (its region; ADMIN all) or the agency's (those sent to it), newest first: one
 * statement whatever the page size. Other roles are refused.
 */
export async function listComplaints(
  ctx: Context,
  p: { filter?: ComplaintFilter | null; first?: number | null; after?: string | null },
) {
  requireUser(ctx.identity);
  const { limit, after } = pageArgs(p.first, p.after);
  const where: string[] = [];
  const params: unknown[] = [];
  const id = ctx.identity;
  if (id.role === Role.SUPERVISOR) {
    where.push('c.region = ?');
    params.push(id.region ?? '');
  } else if (id.role && HANDLERS.includes(id.role)) {
    // As isHandlerOf: never the complaints that name the caller.
    where.push('c.agency_id = ? and c.assigned_at is not null and (c.officer_id is null or c.officer_id::text <> ?)');
    params.push(id.agencyId ?? '00000000-0000-0000-0000-000000000000', id.sub ?? '');
  } else if (id.role !== Role.ADMIN)
    throw forbidden('complaints are read by the justice bureau and the agency they were sent to');
  const f = p.filter ?? {};
  if (f.status) {
    where.push('c.status = ?');
    params.push(f.status);
  }
  if (f.agencyId) {
    where.push('c.agency_id = ?');
    params.push(requireId('agency', f.agencyId));
  }
  if (f.overdue) where.push(`c.status = 'ASSIGNED' and c.due_on < (now() at time zone 'Asia/Shanghai')::date`);
  if (after) {
    where.push('(c.submitted_at, c.id) < (?::timestamptz, ?::uuid)');
    params.push(...parseTimeKey(after, 'complaint'));
  }
  params.push(limit + 1);
  const rows = await ctx.em.execute(
    `select c.* from supervision.complaint c ${where.length ? `where ${where.join(' and ')}` : ''}
      order by c.submitted_at desc, c.id desc limit ?`,
    params,
  );
  const found = rows.map((r) => ctx.em.map(ComplaintEntity, r));
  const page = toPage(found, limit, (c) => timeKey(c.submittedAt, c.id));
  return { ...page, edges: page.edges.map((e) => ({ ...e, node: complaintView(ctx.identity, e.node) })) };
}

/**
 * 凭查询码查询 The complainant follows the complaint with the receipt code, no account. Every code is hashed and
 * looked up by its hash, known or not, so the answer's timing does not tell a stored code from a guess; an unknown
 * one is null.
 */
export async function complaintByReceipt(ctx: Context, code: string): Promise<ComplaintProgressView | null> {
  // Bounded before hashing: nothing longer was ever issued (22 characters).
  const text = (code ?? '').trim().slice(0, 64);
  const c = await ctx.em.findOne(ComplaintEntity, { receiptHash: receiptHash(text) });
  return c ? progressView(c) : null;
}
