import { connectionType, DateTimeScalar } from '@tsp/shared';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { DeliveryOutcome as Outcome } from '../webhooks/store.js';

export enum WebhookDeliveryOutcome {
  DELIVERED = 'DELIVERED',
  FAILED_ATTEMPT = 'FAILED_ATTEMPT',
  GAVE_UP = 'GAVE_UP',
}
registerEnumType(WebhookDeliveryOutcome, {
  name: 'WebhookDeliveryOutcome',
  description: '推送结果 Outcome of one delivery attempt',
  valuesConfig: {
    DELIVERED: { description: '已送达 the receiver answered 2xx within 10 s' },
    FAILED_ATTEMPT: { description: '本次失败，将重试 failed; will be retried with exponential backoff' },
    GAVE_UP: { description: '已放弃 failed, and retries for this event ran out (24 h); the endpoint moved on' },
  },
});

@ObjectType({
  description:
    '回调事件来源进度 Where one webhook endpoint stands in one event source (review, inspection, records, supervision, disclosure, personnel)',
})
export class WebhookSourceState {
  @Field({
    description:
      '事件来源 Source: review, inspection, records, supervision, disclosure or personnel (whose log is <source>Events)',
  })
  source!: string;
  @Field(() => String, {
    nullable: true,
    description:
      '推送进度游标 Cursor of the last event of this source delivered, given up or passed over (a cursor of its log); null = from the start',
  })
  cursor!: string | null;
  @Field({
    description:
      '起点待定 True while the start is pending: the source was unreachable at registration; events that occurred before registration will be passed over, not sent',
  })
  startPending!: boolean;
  @Field(() => DateTimeScalar, { description: '下次尝试时间 Next delivery attempt from this source not before' })
  nextAttemptAt!: Date;
  @Field(() => Int, { description: '当前事件连续失败次数 Consecutive failed attempts of its pending event' })
  failedAttempts!: number;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: '当前事件首次失败时间 First failure of its pending event (retries stop 24 h after it)',
  })
  failingSince!: Date | null;
}

@ObjectType({
  description: '回调地址（Webhook） A webhook endpoint an integrator registered; the secret is never shown',
})
export class WebhookEndpoint {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '回调网址 URL the events are POSTed to' })
  url!: string;
  @Field({ description: '是否启用 Active (false once deactivated)' })
  active!: boolean;
  @Field(() => [ID], { description: '推送范围：机关 Scope: agencies (copied from the registering token)' })
  agencyIds!: string[];
  @Field(() => String, {
    nullable: true,
    description: '推送范围：区域 Scope: region (copied from the registering token)',
  })
  region!: string | null;
  @Field(() => [String], {
    description: '订阅的事件类型 Event types delivered (review and inspection types, chosen at registration)',
  })
  eventTypes!: string[];
  @Field(() => [WebhookSourceState], {
    description: '各来源进度 Cursor and retry state in each source the endpoint receives events from',
  })
  sources!: WebhookSourceState[];
  @Field(() => DateTimeScalar, { description: '登记时间 Registered at' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: '停用时间 Deactivated at' })
  deactivatedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      '推送进度游标（reviewEvents 游标） Cursor of the last review event delivered or given up (a reviewEvents cursor); null = from the start; see sources for every source',
  })
  cursor!: string | null;
  @Field(() => DateTimeScalar, { description: '下次尝试时间 Next delivery attempt of a review event not before' })
  nextAttemptAt!: Date;
  @Field(() => Int, { description: '当前事件连续失败次数 Consecutive failed attempts of the pending review event' })
  failedAttempts!: number;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: '当前事件首次失败时间 First failure of the pending review event (retries stop 24 h after it)',
  })
  failingSince!: Date | null;
}

@ObjectType({ description: '推送记录 One delivery attempt of one event to an endpoint' })
export class WebhookDelivery {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({
    description:
      '事件来源 Source of the event: review, inspection, records, supervision, disclosure or personnel (whose log the cursor belongs to)',
  })
  source!: string;
  @Field(() => ID, { description: '事件标识 Event id (also sent as x-tsp-event-id)' })
  eventId!: string;
  @Field({ description: '事件类型 Event type' })
  eventType!: string;
  @Field({ description: "事件游标 The event's cursor in its source's log (<source>Events)" })
  cursor!: string;
  @Field(() => Int, { description: '第几次尝试 Attempt number for this event (1 = first)' })
  attempt!: number;
  @Field(() => Int, { nullable: true, description: 'HTTP 状态码 HTTP status the receiver answered; null when none' })
  httpStatus!: number | null;
  @Field(() => String, {
    nullable: true,
    description: '错误 Why the attempt failed (timeout, refused address, non-2xx…)',
  })
  error!: string | null;
  @Field(() => Int, { description: '耗时（毫秒） Duration in milliseconds' })
  durationMs!: number;
  @Field(() => DateTimeScalar, { description: '尝试时间 Attempted at' })
  attemptedAt!: Date;
  @Field(() => WebhookDeliveryOutcome, { description: '结果 Outcome' })
  outcome!: Outcome;
}

export const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'WebhookDelivery', '推送记录');

@ObjectType({
  description:
    '回调白名单主机 A host webhooks may be sent to (ADMIN allowlist): host = any port, host:port = that port',
})
export class WebhookAllowedHost {
  @Field({ description: '主机（或 主机:端口） Host or host:port' })
  host!: string;
  @Field({ description: '添加人 Added by (token subject)' })
  addedBy!: string;
  @Field(() => DateTimeScalar, { description: '添加时间 Added at' })
  addedAt!: Date;
}
