import { Arg, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { badInput, requireRole, Role, type Context, Idempotent, asAnswer } from '@tsp/shared';
import { normalizeAllowedHost } from './address.js';
import { allowedHosts, allowHost, disallowHost } from './store.js';
import { WebhookAllowedHost } from './types.js';

function hostArg(raw: string): string {
  const h = normalizeAllowedHost(raw);
  if (typeof h !== 'string') throw badInput('host', h.problem);
  return h;
}

/** 回调白名单: only hosts an ADMIN lists may receive webhooks. */
@Resolver()
export class WebhookAllowlistResolver {
  @UseMiddleware(Idempotent('review', asAnswer()))
  @Mutation(() => WebhookAllowedHost, { description: '允许回调主机（管理员） Allow webhooks to a host (any port) or host:port (ADMIN); idempotent' })
  async allowWebhookHost(@Ctx() ctx: Context, @Arg('host', { description: '主机或 主机:端口 Host (any port) or host:port' }) host: string) {
    requireRole(ctx.identity, Role.ADMIN);
    return allowHost(ctx.em, hostArg(host), ctx.identity.sub);
  }

  @UseMiddleware(Idempotent('review', asAnswer()))
  @Mutation(() => Boolean, { description: '移出回调白名单（管理员） Remove a host from the allowlist (ADMIN); deliveries to it then fail and are retried. True if it was listed' })
  async disallowWebhookHost(@Ctx() ctx: Context, @Arg('host', { description: '主机或 主机:端口 Host (any port) or host:port' }) host: string) {
    requireRole(ctx.identity, Role.ADMIN);
    return disallowHost(ctx.em, hostArg(host));
  }

  @Query(() => [WebhookAllowedHost], { description: '回调白名单（管理员） The webhook host allowlist (ADMIN)' })
  async webhookAllowlist(@Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    return allowedHosts(ctx.em);
  }
}
