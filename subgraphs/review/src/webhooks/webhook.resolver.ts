import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { badInput, conflict, decodeCursor, EVENTS_CHANNEL, notFound, pageArgs, readFilter, requireId, requireRole, Role, toPage, type Context, type EntityManager, Idempotent, reloaded } from '@tsp/shared';
import { WEBHOOK_WAKE } from './config.js';
import { checkTarget, MAX_ACTIVE_ENDPOINTS, secretProblem } from './policy.js';
import { countActive, deactivate, deliveriesOf, endpointsOf, insertEndpoint, moveCursor, outboxHead, ownEndpoint, type EndpointRow } from './store.js';
import { deliveryView, endpointView, WebhookDeliveryConnection, WebhookEndpoint } from './types.js';


async function ownOrNotFound(em: EntityManager, owner: string, id: string, lock = false): Promise<EndpointRow> {
  const e = await ownEndpoint(em, owner, requireId('webhook endpoint', id), lock);
  if (!e) throw notFound('webhook endpoint', id);
  return e;
}

/** A repeated Idempotency-Key answers with the caller's endpoint, read again. */
const endpointReplay = reloaded(async (ctx, id) => endpointView(await ownOrNotFound(ctx.em, ctx.identity.sub ?? '', id)));

/** A reviewEvents cursor back to its log position; null/empty = from the very start. */
function cursorPosition(after: string | null | undefined): number {
  if (!after) return 0;
  const key = decodeCursor(after);
  if (!/^\d{1,15}$/.test(key)) throw badInput('after', 'not a reviewEvents cursor / 不是审核事件游标');
  return Number(key);
}

/** 回调（Webhook）: integrators (INTEGRATOR tokens) manage their own endpoints only. */
@Resolver()
export class WebhookResolver {
  @UseMiddleware(Idempotent('review', endpointReplay))
  @Mutation(() => WebhookEndpoint, {
    description: '登记回调地址（对接方） Register a webhook (INTEGRATOR): events of the token\'s scope from now on are POSTed signed (x-tsp-signature); the host must be on the ADMIN allowlist and public; secret ≥ 16 characters',
  })
  async registerWebhook(
    @Ctx() ctx: Context,
    @Arg('url', { description: '回调网址 http(s) URL on an allowlisted public host' }) url: string,
    @Arg('secret', { description: '签名密钥（≥16 字符） Shared secret for x-tsp-signature, at least 16 characters' }) secret: string,
  ) {
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
        throw conflict(`at most ${MAX_ACTIVE_ENDPOINTS} active webhooks per integrator; deactivate one first / 回调地址数量已达上限`);
      const e = await insertEndpoint(em, {
        id: randomUUID(), owner, url: target.url.toString(), secret,
        agencyIds: [...new Set(scope.agencyIds ?? [])], region: scope.region ?? null,
        // New endpoints receive what happens from now on; replayWebhook fetches history.
        position: await outboxHead(em),
      });
      return endpointView(e);
    });
  }

  @Query(() => [WebhookEndpoint], { description: '我的回调地址（对接方） The caller\'s own webhook endpoints (INTEGRATOR)' })
  async webhookEndpoints(@Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.INTEGRATOR);
    return (await endpointsOf(ctx.em, ctx.identity.sub)).map(endpointView);
  }

  @Query(() => WebhookDeliveryConnection, { description: '推送记录（对接方） Delivery log of one of the caller\'s endpoints, newest first (INTEGRATOR)' })
  async webhookDeliveries(
    @Ctx() ctx: Context,
    @Arg('endpointId', () => ID, { description: '回调地址 Endpoint id' }) endpointId: string,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 50, max 200)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: '游标 Older than this entry' }) after?: string,
  ) {
    requireRole(ctx.identity, Role.INTEGRATOR);
    const page = pageArgs(first, after);
    const before = page.after === null ? null : Number(page.after);
    if (before !== null && !Number.isSafeInteger(before)) throw badInput('after', 'not a cursor of this list');
    const e = await ownOrNotFound(ctx.em, ctx.identity.sub, endpointId);
    const rows = await deliveriesOf(ctx.em, e.id, page.limit, before);
    const p = toPage(rows, page.limit, (d) => String(d.id));
    return { ...p, edges: p.edges.map((x) => ({ cursor: x.cursor, node: deliveryView(x.node) })) };
  }

  @UseMiddleware(Idempotent('review', endpointReplay))
  @Mutation(() => WebhookEndpoint, {
    description: '重放（对接方） Replay (INTEGRATOR): move the endpoint back to a reviewEvents cursor (or to the start when after is null); the events after it are re-sent in order',
  })
  async replayWebhook(
    @Ctx() ctx: Context,
    @Arg('endpointId', () => ID, { description: '回调地址 Endpoint id' }) endpointId: string,
    @Arg('after', () => String, { nullable: true, description: '审核事件游标 A reviewEvents cursor (or a delivery\'s cursor); null = from the start' }) after?: string,
  ) {
    requireRole(ctx.identity, Role.INTEGRATOR);
    const position = cursorPosition(after);
    const owner = ctx.identity.sub;
    return ctx.em.transactional(async (em) => {
      const e = await ownOrNotFound(em, owner, endpointId, true);
      if (!e.active) throw conflict('this webhook is deactivated; register a new one / 回调地址已停用');
      if (position > (await outboxHead(em))) throw badInput('after', 'cursor is beyond the end of the review event log / 游标超出事件日志末尾');
      const moved = await moveCursor(em, e.id, position);
      await em.execute(`select pg_notify(?, ?)`, [EVENTS_CHANNEL, WEBHOOK_WAKE]);
      return endpointView(moved);
    });
  }

  @UseMiddleware(Idempotent('review', endpointReplay))
  @Mutation(() => WebhookEndpoint, { description: '停用回调地址（对接方） Deactivate one of the caller\'s webhooks: no further deliveries (INTEGRATOR)' })
  async deactivateWebhook(@Ctx() ctx: Context, @Arg('endpointId', () => ID, { description: '回调地址 Endpoint id' }) endpointId: string) {
    requireRole(ctx.identity, Role.INTEGRATOR);
    const owner = ctx.identity.sub;
    return ctx.em.transactional(async (em) => {
      const e = await ownOrNotFound(em, owner, endpointId, true);
      return endpointView(await deactivate(em, e.id));
    });
  }
}
