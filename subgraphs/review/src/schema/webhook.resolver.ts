import { type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';

import { endpointReplay, webhookDeliveries, webhookEndpoints } from '../read/webhooks.js';
import { deactivateWebhook, registerWebhook, replayWebhook } from '../write/webhooks.js';
import { WebhookDeliveryConnection, WebhookEndpoint } from './webhook-types.js';

/** 回调（Webhook）: integrators (INTEGRATOR tokens) manage their own endpoints only. */
@Resolver()
export class WebhookResolver {
  @UseMiddleware(Idempotent('review', endpointReplay))
  @Mutation(() => WebhookEndpoint, {
    description:
      "登记回调地址（对接方） Register a webhook (INTEGRATOR): events of the chosen types in the token's scope, from now on, are POSTed signed (x-tsp-signature); the host must be on the ADMIN allowlist and public; secret ≥ 16 characters",
  })
  registerWebhook(
    @Ctx() ctx: Context,
    @Arg('url', { description: '回调网址 http(s) URL on an allowlisted public host' }) url: string,
    @Arg('secret', { description: '签名密钥（≥16 字符） Shared secret for x-tsp-signature, at least 16 characters' })
    secret: string,
    @Arg('eventTypes', () => [String], {
      nullable: true,
      description:
        '事件类型 Event types to receive, of review (ReviewSubmitted…), inspection (InspectionPlanned…), records (CaseOpened, DecisionRecorded…), supervision (ComplaintSubmitted…, SupervisionInstrumentIssued…, SupervisionNoticePublished…) disclosure (PublicationPublished, PublicationCorrected, PublicationWithdrawn, AnnualReportPublished) and personnel (CredentialIssued, CredentialStatusChanged); null = every review event type',
    })
    eventTypes?: string[] | null,
  ) {
    return registerWebhook(ctx, url, secret, eventTypes);
  }

  @Query(() => [WebhookEndpoint], {
    description: "我的回调地址（对接方） The caller's own webhook endpoints (INTEGRATOR)",
  })
  webhookEndpoints(@Ctx() ctx: Context) {
    return webhookEndpoints(ctx);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: "推送记录（对接方） Delivery log of one of the caller's endpoints, newest first (INTEGRATOR)",
  })
  webhookDeliveries(
    @Ctx() ctx: Context,
    @Arg('endpointId', () => ID, { description: '回调地址 Endpoint id' }) endpointId: string,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 50, max 200)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: '游标 Older than this entry' }) after?: string,
  ) {
    return webhookDeliveries(ctx, endpointId, first, after);
  }

  @UseMiddleware(Idempotent('review', endpointReplay))
  @Mutation(() => WebhookEndpoint, {
    description:
      "重放（对接方） Replay (INTEGRATOR): move the endpoint's cursor in one source back to a cursor of that source's log (or to the start when after is null); that source's events after it are re-sent in order",
  })
  replayWebhook(
    @Ctx() ctx: Context,
    @Arg('endpointId', () => ID, { description: '回调地址 Endpoint id' }) endpointId: string,
    @Arg('after', () => String, {
      nullable: true,
      description:
        "事件游标 A cursor of the source's log (<source>Events) or a delivery's cursor; null = from the start",
    })
    after?: string,
    @Arg('source', () => String, {
      defaultValue: 'review',
      description:
        '事件来源 Which source to replay: review (default), inspection, records, supervision, disclosure or personnel',
    })
    source?: string,
  ) {
    return replayWebhook(ctx, endpointId, after, source);
  }

  @UseMiddleware(Idempotent('review', endpointReplay))
  @Mutation(() => WebhookEndpoint, {
    description: "停用回调地址（对接方） Deactivate one of the caller's webhooks: no further deliveries (INTEGRATOR)",
  })
  deactivateWebhook(
    @Ctx() ctx: Context,
    @Arg('endpointId', () => ID, { description: '回调地址 Endpoint id' }) endpointId: string,
  ) {
    return deactivateWebhook(ctx, endpointId);
  }
}
