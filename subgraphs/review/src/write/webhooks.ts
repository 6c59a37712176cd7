import { randomUUID } from 'node:crypto';

import {
  badInput,
  conflict,
  type Context,
  decodeCursor,
  EVENTS_CHANNEL,
  readFilter,
  requireRole,
  Role,
} from '@tsp/shared';

import { endpointView } from '../read/webhook-views.js';
import { ownOrNotFound } from '../read/webhooks.js';
import { WEBHOOK_WAKE } from '../webhooks/config.js';
import { checkTarget, MAX_ACTIVE_ENDPOINTS, secretProblem } from '../webhooks/policy.js';
import { countActive, deactivate, insertEndpoint, moveCursor, outboxHead } from '../webhooks/store.js';

/** A reviewEvents cursor back to its log position; null/empty = from the very start. */
function cursorPosition(after: string | null | undefined): number {
  if (!after) return 0;
  const key = decodeCursor(after);
  if (!/^\d{1,15}$/.test(key)) throw badInput('after', 'not a reviewEvents cursor / 不是审核事件游标');
  return Number(key);
}

/**
 * 登记回调地址 Registers an endpoint for the integrator's scope (copied from the token now, as data:
 * what it may read), starting after the newest event; at most MAX_ACTIVE_ENDPOINTS active per owner.
 */
export async function registerWebhook(ctx: Context, url: string, secret: string) {
  requireRole(ctx.identity, Role.INTEGRATOR);
  if (url.length > 2000) throw badInput('url', 'at most 2000 characters / 网址过长');
  const sp = secretProblem(secret);
  if (sp) throw badInput('secret', sp);
  const target = await checkTarget(ctx.em, url);
  if (target instanceof Error) throw target;
  const scope = readFilter(ctx.identity)!;
  const owner = ctx.identity.sub;
  return ctx.em.transactional(async (em) => {
    // Serialises one owner's registrations so the limit holds under concurrency.
    await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`review.webhook:${owner}`]);
    if ((await countActive(em, owner)) >= MAX_ACTIVE_ENDPOINTS)
      throw conflict(
        `at most ${MAX_ACTIVE_ENDPOINTS} active webhooks per integrator; deactivate one first / 回调地址数量已达上限`,
      );
    const e = await insertEndpoint(em, {
      id: randomUUID(),
      owner,
      url: target.url.toString(),
      secret,
      agencyIds: [...new Set(scope.agencyIds ?? [])],
      region: scope.region ?? null,
      // New endpoints receive what happens from now on; replayWebhook fetches history.
      position: await outboxHead(em),
    });
    return endpointView(e);
  });
}

/** 重放 Moves an active endpoint back to a reviewEvents cursor and wakes the delivery worker. */
export async function replayWebhook(ctx: Context, endpointId: string, after?: string) {
  requireRole(ctx.identity, Role.INTEGRATOR);
  const position = cursorPosition(after);
  const owner = ctx.identity.sub;
  return ctx.em.transactional(async (em) => {
    const e = await ownOrNotFound(em, owner, endpointId, true);
    if (!e.active) throw conflict('this webhook is deactivated; register a new one / 回调地址已停用');
    if (position > (await outboxHead(em)))
      throw badInput('after', 'cursor is beyond the end of the review event log / 游标超出事件日志末尾');
    const moved = await moveCursor(em, e.id, position);
    await em.execute(`select pg_notify(?, ?)`, [EVENTS_CHANNEL, WEBHOOK_WAKE]);
    return endpointView(moved);
  });
}

/** 停用回调地址 No further deliveries to one of the caller's endpoints. */
export async function deactivateWebhook(ctx: Context, endpointId: string) {
  requireRole(ctx.identity, Role.INTEGRATOR);
  const owner = ctx.identity.sub;
  return ctx.em.transactional(async (em) => {
    const e = await ownOrNotFound(em, owner, endpointId, true);
    return endpointView(await deactivate(em, e.id));
  });
}
