import { randomUUID } from 'node:crypto';

import {
  AppError,
  badInput,
  conflict,
  type Context,
  decodeCursor,
  EVENTS_CHANNEL,
  logger,
  readFilter,
  requireRole,
  Role,
} from '@tsp/shared';

import { endpointView } from '../read/webhook-views.js';
import { ownOrNotFound } from '../read/webhooks.js';
import { WEBHOOK_WAKE } from '../webhooks/config.js';
import { remoteFeed } from '../webhooks/feeds.js';
import { checkTarget, MAX_ACTIVE_ENDPOINTS, secretProblem } from '../webhooks/policy.js';
import { insertSourceCursor, moveSourceCursor } from '../webhooks/source-cursors.js';
import {
  eventTypesProblem,
  isSource,
  type RemoteSource,
  SOURCE_NAMES,
  sourcesOf,
  type WebhookSource,
} from '../webhooks/sources.js';
import { countActive, deactivate, insertEndpoint, moveCursor, outboxHead } from '../webhooks/store.js';

const log = logger('review:webhooks');

/** A source's log cursor (reviewEvents, inspectionEvents) back to its position; null/empty = from the very start. */
function cursorPosition(after: string | null | undefined, source: WebhookSource): number {
  if (!after) return 0;
  const key = decodeCursor(after);
  if (!/^\d{1,15}$/.test(key)) throw badInput('after', `not a ${source}Events cursor / 不是事件游标`);
  return Number(key);
}

/** The chosen event types, without repeats; null keeps the default (every review event type). */
function chosenTypes(eventTypes: readonly string[] | null | undefined): string[] | null {
  if (eventTypes === null || eventTypes === undefined) return null;
  const problem = eventTypesProblem(eventTypes);
  if (problem) throw badInput('eventTypes', problem);
  return [...new Set(eventTypes)];
}

/**
 * Where a new endpoint starts in another source: after its head now. When the source cannot say (it is down),
 * the start is left pending as a time instead of position 0, which would replay its whole history: the worker
 * passes over events that occurred before registration and sends the rest once the source answers again.
 */
async function remoteStart(source: RemoteSource): Promise<{ position: number; startAfter: Date | null }> {
  const registeredAt = new Date();
  try {
    return { position: await remoteFeed(source).head(), startAfter: null };
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'DEPENDENCY_UNAVAILABLE')) throw err;
    log.warn({ source, err: err.message }, 'webhook registered while a source is unreachable; its start is pending');
    return { position: 0, startAfter: registeredAt };
  }
}

/**
 * 登记回调地址 Registers an endpoint for the integrator's scope (copied from the token now, as data:
 * what it may read) and the event types chosen, starting after the newest event of each source;
 * at most MAX_ACTIVE_ENDPOINTS active per owner.
 */
export async function registerWebhook(ctx: Context, url: string, secret: string, eventTypes?: string[] | null) {
  requireRole(ctx.identity, Role.INTEGRATOR);
  if (url.length > 2000) throw badInput('url', 'at most 2000 characters / 网址过长');
  const sp = secretProblem(secret);
  if (sp) throw badInput('secret', sp);
  const types = chosenTypes(eventTypes);
  const target = await checkTarget(ctx.em, url);
  if (target instanceof Error) throw target;
  const scope = readFilter(ctx.identity)!;
  const owner = ctx.identity.sub;
  // Asked before the transaction: no row lock is held while another subgraph answers.
  const remote = sourcesOf(types).filter((s): s is RemoteSource => s !== 'review');
  const starts = await Promise.all(remote.map(async (source) => ({ source, ...(await remoteStart(source)) })));
  const id = randomUUID();
  await ctx.em.transactional(async (em) => {
    // Serialises one owner's registrations so the limit holds under concurrency.
    await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`review.webhook:${owner}`]);
    if ((await countActive(em, owner)) >= MAX_ACTIVE_ENDPOINTS)
      throw conflict(
        `at most ${MAX_ACTIVE_ENDPOINTS} active webhooks per integrator; deactivate one first / 回调地址数量已达上限`,
      );
    await insertEndpoint(em, {
      id,
      owner,
      url: target.url.toString(),
      secret,
      agencyIds: [...new Set(scope.agencyIds ?? [])],
      region: scope.region ?? null,
      eventTypes: types,
      // New endpoints receive what happens from now on; replayWebhook fetches history.
      position: await outboxHead(em),
    });
    for (const s of starts) await insertSourceCursor(em, { endpointId: id, ...s });
  });
  return endpointView(await ownOrNotFound(ctx.em, owner, id));
}

/**
 * 重放 Moves an active endpoint's cursor in one source (review by default) back to a cursor of that source's log,
 * and wakes the delivery worker. The other sources' cursors stay where they are.
 */
export async function replayWebhook(ctx: Context, endpointId: string, after?: string | null, source = 'review') {
  requireRole(ctx.identity, Role.INTEGRATOR);
  if (!isSource(source)) throw badInput('source', `unknown source; one of ${SOURCE_NAMES.join(', ')} / 未知的事件来源`);
  const position = cursorPosition(after, source);
  const owner = ctx.identity.sub;
  const current = await ownOrNotFound(ctx.em, owner, endpointId);
  if (!sourcesOf(current.eventTypes).includes(source))
    throw badInput('source', `this webhook receives no ${source} events / 该回调地址未订阅此来源的事件`);
  // A remote head is asked outside the transaction; DEPENDENCY_UNAVAILABLE when the source is down.
  const remoteHead = source === 'review' ? null : await remoteFeed(source).head();
  await ctx.em.transactional(async (em) => {
    const e = await ownOrNotFound(em, owner, endpointId, true);
    if (!e.active) throw conflict('this webhook is deactivated; register a new one / 回调地址已停用');
    if (position > (remoteHead ?? (await outboxHead(em))))
      throw badInput('after', `cursor is beyond the end of the ${source} event log / 游标超出事件日志末尾`);
    if (source === 'review') await moveCursor(em, e.id, position);
    else await moveSourceCursor(em, e.id, source, position);
    await em.execute(`select pg_notify(?, ?)`, [EVENTS_CHANNEL, WEBHOOK_WAKE]);
  });
  return endpointView(await ownOrNotFound(ctx.em, owner, endpointId));
}

/** 停用回调地址 No further deliveries to one of the caller's endpoints. */
export async function deactivateWebhook(ctx: Context, endpointId: string) {
  requireRole(ctx.identity, Role.INTEGRATOR);
  const owner = ctx.identity.sub;
  await ctx.em.transactional(async (em) => {
    const e = await ownOrNotFound(em, owner, endpointId, true);
    await deactivate(em, e.id);
  });
  return endpointView(await ownOrNotFound(ctx.em, owner, endpointId));
}
