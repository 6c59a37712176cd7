import { asAnswer, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';

import { webhookAllowlist } from '../read/webhooks.js';
import { allowWebhookHost, disallowWebhookHost } from '../write/webhook-allowlist.js';
import { WebhookAllowedHost } from './webhook-types.js';

/** 回调白名单: only hosts an ADMIN lists may receive webhooks. */
@Resolver()
export class WebhookAllowlistResolver {
  @UseMiddleware(Idempotent('review', asAnswer()))
  @Mutation(() => WebhookAllowedHost, {
    description: '允许回调主机（管理员） Allow webhooks to a host (any port) or host:port (ADMIN); idempotent',
  })
  allowWebhookHost(
    @Ctx() ctx: Context,
    @Arg('host', { description: '主机或 主机:端口 Host (any port) or host:port' }) host: string,
  ) {
    return allowWebhookHost(ctx, host);
  }

  @UseMiddleware(Idempotent('review', asAnswer()))
  @Mutation(() => Boolean, {
    description:
      '移出回调白名单（管理员） Remove a host from the allowlist (ADMIN); deliveries to it then fail and are retried. True if it was listed',
  })
  disallowWebhookHost(
    @Ctx() ctx: Context,
    @Arg('host', { description: '主机或 主机:端口 Host (any port) or host:port' }) host: string,
  ) {
    return disallowWebhookHost(ctx, host);
  }

  @Query(() => [WebhookAllowedHost], { description: '回调白名单（管理员） The webhook host allowlist (ADMIN)' })
  webhookAllowlist(@Ctx() ctx: Context) {
    return webhookAllowlist(ctx);
  }
}
