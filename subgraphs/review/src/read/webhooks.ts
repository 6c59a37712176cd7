import {
  badInput,
  type Context,
  type EntityManager,
  notFound,
  pageArgs,
  reloaded,
  requireId,
  requireRole,
  Role,
  toPage,
} from '@tsp/shared';

import { allowedHosts, deliveriesOf, type EndpointRow, endpointsOf, ownEndpoint } from '../webhooks/store.js';
import { deliveryView, endpointView } from './webhook-views.js';

/** The caller's own endpoint (optionally locked), or NOT_FOUND: another owner's endpoint looks missing. */
export async function ownOrNotFound(em: EntityManager, owner: string, id: string, lock = false): Promise<EndpointRow> {
  const e = await ownEndpoint(em, owner, requireId('webhook endpoint', id), lock);
  if (!e) throw notFound('webhook endpoint', id);
  return e;
}

/** 我的回调地址 The caller's own endpoints (INTEGRATOR). */
export async function webhookEndpoints(ctx: Context) {
  requireRole(ctx.identity, Role.INTEGRATOR);
  return (await endpointsOf(ctx.em, ctx.identity.sub)).map(endpointView);
}

/** 推送记录 Delivery log of one of the caller's endpoints, newest first (INTEGRATOR). */
export async function webhookDeliveries(ctx: Context, endpointId: string, first?: number, after?: string) {
  requireRole(ctx.identity, Role.INTEGRATOR);
  const page = pageArgs(first, after);
  const before = page.after === null ? null : Number(page.after);
  if (before !== null && !Number.isSafeInteger(before)) throw badInput('after', 'not a cursor of this list');
  const e = await ownOrNotFound(ctx.em, ctx.identity.sub, endpointId);
  const rows = await deliveriesOf(ctx.em, e.id, page.limit, before);
  const p = toPage(rows, page.limit, (d) => String(d.id));
  return { ...p, edges: p.edges.map((x) => ({ cursor: x.cursor, node: deliveryView(x.node) })) };
}

/** 回调白名单 The webhook host allowlist (ADMIN). */
export async function webhookAllowlist(ctx: Context) {
  requireRole(ctx.identity, Role.ADMIN);
  return allowedHosts(ctx.em);
}

/** A repeated Idempotency-Key answers with the caller's endpoint, read again. */
export const endpointReplay = reloaded(async (ctx, id) =>
  endpointView(await ownOrNotFound(ctx.em, ctx.identity.sub ?? '', id)),
);
