import {
  AGENCY_ROLES,
  badInput,
  canRead,
  config,
  type Context,
  decodeCursor,
  encodeCursor,
  isUuid,
  MAX_PAGE,
  notFound,
  requireId,
  requireUser,
  Role,
  scopeSql,
  shanghaiDate,
} from '@tsp/shared';

import type { InspectionEntity, InspectionItemEntity, InspectionTargetEntity } from '../entities/index.js';
import { codeState, isWellFormedCode } from '../rules/code.js';
import { type InspectionStatus } from '../rules/kinds.js';
import { enterpriseView } from './enterprises.js';
import { itemView } from './items.js';
import { load } from './loaders.js';

/** Who reads an inspection: anyone whose scope covers its lead agency or one of its joint partners. */
export function mayRead(ctx: Context, i: InspectionEntity): boolean {
  return i.agencyIds.some((agencyId) => canRead(ctx.identity, { agencyId, region: i.region }));
}

/** The codes are the enterprise's proof: only staff of the inspecting agencies (who hand them over) see them. */
function maySeeCodes(ctx: Context, i: InspectionEntity): boolean {
  const { role, agencyId } = ctx.identity;
  return role !== null && AGENCY_ROLES.includes(role) && agencyId !== undefined && i.agencyIds.includes(agencyId);
}

/**
 * The enterprise's comment is for the agency and the bureau (it may accuse an officer by name): the inspecting
 * agencies' staff, the supervisor and the administrator; not integrators, whose systems re-publish what they read.
 */
function maySeeComments(ctx: Context, i: InspectionEntity): boolean {
  const { role } = ctx.identity;
  return maySeeCodes(ctx, i) || role === Role.SUPERVISOR || role === Role.ADMIN;
}

/** 检查码二维码 The URL the QR code carries: the public portal's verify page for the code. */
export const qrPayload = (code: string) => `${config().PUBLIC_WEB_URL.replace(/\/+$/, '')}/verify/inspection/${code}`;

/** 行政检查 One inspection the caller may read. */
export async function inspectionById(ctx: Context, id: string): Promise<InspectionEntity> {
  requireUser(ctx.identity);
  const i = await load.inspection(ctx).load(requireId('inspection', id));
  if (!i || !mayRead(ctx, i)) throw notFound('inspection', id);
  return i;
}

/** An inspection another subgraph refers to (batched): null where the caller may not read it. */
export async function referencedInspection(ctx: Context, id: string): Promise<InspectionEntity | null> {
  if (!ctx.identity.role || !isUuid(id)) return null;
  const i = await load.inspection(ctx).load(id.toLowerCase());
  return i && mayRead(ctx, i) ? i : null;
}

interface Page {
  agencyId?: string | null;
  status?: InspectionStatus | null;
  first?: number | null;
  after?: string | null;
}

/** 行政检查列表 Inspections in the caller's scope (lead or joint partner), newest planned first, by cursor. */
export async function listInspections(ctx: Context, p: Page) {
  requireUser(ctx.identity);
  const limit = p.first ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw badInput('first', `must be 1…${MAX_PAGE}`);
  const scope = scopeSql(ctx.identity, 'i');
  // A joint partner reads the inspections it takes part in: the scope is applied to each agency in turn.
  const partnerScope = scopeSql(ctx.identity, 'pa');
  const where = [
    `(${scope.sql} or exists (select 1 from (select unnest(i.partner_agency_ids) as agency_id, i.region) pa
      where ${partnerScope.sql}))`,
  ];
  const params: unknown[] = [...scope.params, ...partnerScope.params];
  if (p.agencyId) {
    where.push('(i.agency_id = ? or ? = any(i.partner_agency_ids))');
    const a = requireId('agency', p.agencyId);
    params.push(a, a);
  }
  if (p.status) {
    where.push('i.status = ?');
    params.push(p.status);
  }
  if (p.after) {
    // Only what encodeCursor below issues: an ISO instant and a uuid (anything else would reach PostgreSQL's casts).
    const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|(.{36})$/.exec(decodeCursor(p.after));
    if (!m || Number.isNaN(Date.parse(m[1])) || new Date(m[1]).toISOString() !== m[1] || !isUuid(m[2]))
      throw badInput('after', 'not an inspection cursor');
    where.push('(i.planned_at, i.id) < (?::timestamptz, ?::uuid)');
    params.push(m[1], m[2]);
  }
  params.push(limit + 1);
  const rows: { id: string }[] = await ctx.em.execute(
    `select i.id from inspection.inspection i where ${where.join(' and ')}
      order by i.planned_at desc, i.id desc limit ?`,
    params,
  );
  const found = await load.inspection(ctx).loadMany(rows.slice(0, limit).map((r) => r.id));
  const edges = found
    .filter((i): i is InspectionEntity => !!i && !(i instanceof Error))
    .map((node) => ({ node, cursor: encodeCursor(`${node.plannedAt.toISOString()}|${node.id}`) }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** 被检查企业 The enterprises of an inspection; codes and comments only for whom they are meant. */
export async function inspectionTargets(ctx: Context, i: InspectionEntity) {
  const targets = await load.targets(ctx).load(i.id);
  const enterprises = await load.enterprise(ctx).loadMany(targets.map((t) => t.enterpriseId));
  const codes = maySeeCodes(ctx, i);
  const comments = maySeeComments(ctx, i);
  return targets.map((t, n) => {
    const e = enterprises[n];
    return {
      enterprise: e && !(e instanceof Error) ? enterpriseView(e) : null,
      code: codes ? t.code : null,
      qrPayload: codes ? qrPayload(t.code) : null,
      score: t.score,
      comment: comments ? t.comment : null,
      ratedAt: t.ratedAt,
    };
  });
}

/** 检查事项 The items, as they read now (their history shows the version on the list when planned). */
export async function inspectionItems(ctx: Context, i: { id: string }) {
  const scope = await load.scope(ctx).load(i.id);
  const items = await load.item(ctx).loadMany(scope.map((s) => s.itemId));
  return items.filter((x): x is InspectionItemEntity => x !== null && !(x instanceof Error)).map((x) => itemView(x));
}

/**
 * 检查码核验（公开） What a code proves, for whoever holds it (the enterprise): the agencies, the officers' public
 * credential data, the items, the approval and the window, whether it was rated. Nothing private: no reason
 * (it may name a complainant), no officer ids, no comment.
 */
export async function verifyInspectionCode(ctx: Context, code: string) {
  const c = cleanCodeOrNull(code);
  if (!c) return null;
  const rows: { inspection_id: string }[] = await ctx.em.execute(
    'select inspection_id from inspection.inspection_target where code = ?',
    [c],
  );
  if (!rows.length) return null;
  const i = (await load.inspection(ctx).load(rows[0].inspection_id))!;
  const target = (await load.targets(ctx).load(i.id)).find((t) => t.code === c)!;
  return codeView(ctx, i, target);
}

function cleanCodeOrNull(code: string): string | null {
  const c = (code ?? '').trim();
  return isWellFormedCode(c) ? c : null;
}

async function codeView(ctx: Context, i: InspectionEntity, t: InspectionTargetEntity) {
  const e = await load.enterprise(ctx).load(t.enterpriseId);
  return {
    state: codeState({ ...i, today: shanghaiDate() }),
    kind: i.kind,
    agency: { id: i.agencyId },
    partnerAgencies: i.partnerAgencyIds.map((id) => ({ id })),
    enterpriseName: e?.name ?? '',
    creditCode: e?.creditCode ?? '',
    officers: i.team.map((m) => ({ name: m.name, credentialNumber: m.credentialNumber, agency: { id: m.agencyId } })),
    items: await inspectionItems(ctx, i),
    approved: i.approvedAt !== null,
    approvedAt: i.approvedAt,
    validFrom: i.validFrom,
    validUntil: i.validUntil,
    startedAt: i.startedAt,
    finishedAt: i.finishedAt,
    rated: t.score !== null,
  };
}
