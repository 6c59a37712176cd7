import {
  AGENCY_ROLES,
  alignMany,
  type Context,
  forbidden,
  isUuid,
  pageArgs,
  requireId,
  requireUser,
  Role,
  shanghaiDate,
  toPage,
} from '@tsp/shared';

import { SupervisionInstrumentEntity, SupervisionInstrumentStepEntity } from '../entities/index.js';
import type { InstrumentKind, InstrumentStatus } from '../rules/instrument-kinds.js';
import { isBureauOf } from '../write/access.js';
import { hiddenInstrument, isStaffOf } from '../write/instrument-access.js';
import { type InstrumentStepView, type InstrumentView, instrumentView, stepView } from './instrument-views.js';
import { parseTimeKey, timeKey } from './time-cursor.js';

const canSee = (ctx: Context, i: { agencyId: string; region: string }) =>
  isBureauOf(ctx.identity, i) || isStaffOf(ctx.identity, i);

/** One instrument for the bureau of its region (ADMIN) or the addressed agency's staff; NOT_FOUND otherwise. */
export async function instrumentById(ctx: Context, id: string): Promise<InstrumentView> {
  requireUser(ctx.identity);
  const i = await ctx.em.findOne(SupervisionInstrumentEntity, { id: requireId('supervision instrument', id) });
  if (!i || !canSee(ctx, i)) throw hiddenInstrument(id);
  return instrumentView(i, shanghaiDate());
}

export interface InstrumentFilter {
  kind?: InstrumentKind | null;
  status?: InstrumentStatus | null;
  agencyId?: string | null;
  /** Only those waiting for the agency past their due day. */
  overdue?: boolean | null;
}

/** The caller's scope as SQL: the bureau's region, the staff's agency, everything for ADMIN; others refused. */
function scope(ctx: Context): { where: string[]; params: unknown[] } {
  const id = ctx.identity;
  if (id.role === Role.ADMIN) return { where: [], params: [] };
  if (id.role === Role.SUPERVISOR) return { where: ['i.region = ?'], params: [id.region ?? ''] };
  // A claim that is not one agency id names no agency (and must not reach the uuid column as text).
  if (id.role && AGENCY_ROLES.includes(id.role))
    return isUuid(id.agencyId ?? '')
      ? { where: ['i.agency_id = ?'], params: [id.agencyId] }
      : { where: ['false'], params: [] };
  throw forbidden('supervision instruments are read by the justice bureau and the agency addressed');
}

/** 监督文书列表 Newest first, one statement per page whatever its size. */
export async function listInstruments(
  ctx: Context,
  p: { filter?: InstrumentFilter | null; first?: number | null; after?: string | null },
) {
  requireUser(ctx.identity);
  const { limit, after } = pageArgs(p.first, p.after);
  const { where, params } = scope(ctx);
  const f = p.filter ?? {};
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (f.kind) add('i.kind = ?', f.kind);
  if (f.status) add('i.status = ?', f.status);
  if (f.agencyId) add('i.agency_id = ?', requireId('agency', f.agencyId));
  if (f.overdue) where.push(`i.status = 'ISSUED' and i.due_on < (now() at time zone 'Asia/Shanghai')::date`);
  if (after) {
    where.push('(i.issued_at, i.id) < (?::timestamptz, ?::uuid)');
    params.push(...parseTimeKey(after, 'supervision instrument'));
  }
  params.push(limit + 1);
  const rows = await ctx.em.execute(
    `select i.* from supervision.supervision_instrument i ${where.length ? `where ${where.join(' and ')}` : ''}
      order by i.issued_at desc, i.id desc limit ?`,
    params,
  );
  const found = rows.map((r) => ctx.em.map(SupervisionInstrumentEntity, r));
  const today = shanghaiDate();
  const page = toPage(found, limit, (i) => timeKey(i.issuedAt, i.id));
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: instrumentView(e.node, today) })) };
}

/** Agency.supervisionInstruments: several agencies in one statement, newest first; empty outside the caller's scope. */
export function agencyInstruments(ctx: Context, agencyId: string): Promise<InstrumentView[]> {
  requireUser(ctx.identity);
  return ctx.loaders
    .get<string, InstrumentView[]>('agencySupervisionInstruments', async (ids) => {
      const rows = await ctx.em.execute(
        `select i.* from supervision.supervision_instrument i where i.agency_id = any(?::uuid[])
          order by i.issued_at desc, i.id desc`,
        [`{${ids.join(',')}}`],
      );
      const today = shanghaiDate();
      const seen = rows.map((r) => ctx.em.map(SupervisionInstrumentEntity, r)).filter((i) => canSee(ctx, i));
      return alignMany(ids, seen, (i) => i.agencyId).map((list) => list.map((i) => instrumentView(i, today)));
    })
    .load(agencyId);
}

/** SupervisionInstrument.history: the steps of several instruments in one statement, oldest first. */
export function instrumentSteps(ctx: Context, instrumentId: string): Promise<InstrumentStepView[]> {
  return ctx.loaders
    .get<string, InstrumentStepView[]>('supervisionInstrumentSteps', async (ids) => {
      const steps = await ctx.em.find(
        SupervisionInstrumentStepEntity,
        { instrumentId: { $in: [...ids] } },
        { orderBy: { at: 'asc', id: 'asc' } },
      );
      return alignMany(ids, steps, (s) => s.instrumentId).map((list) => list.map(stepView));
    })
    .load(instrumentId);
}
