import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';

import { flushWal } from '../db/group-commit.js';
import { requestScope } from '../db/orm.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { requireService } from '../identity/access.js';
import type { Context } from '../server/context.js';
import { readEvents } from './outbox.js';
import type { DomainEvent } from './types.js';

/**
 * The internal event feed a producing subgraph serves to consumers in other subgraphs
 * (`<source>OutboxFeed(after, first)` and `<source>OutboxHead`, @inaccessible: never part of the public API).
 */
export function eventFeed(source: string, typePrefix: string) {
  @Directive('@inaccessible')
  @ObjectType(`${typePrefix}OutboxEvent`, { description: '内部：事件 Internal: an outbox event' })
  class OutboxEvent {
    @Field(() => ID, { description: '事件标识 Event id' })
    id!: string;
    @Field({ description: '类型 Type' })
    type!: string;
    @Field(() => ID, { description: '机关 Agency' })
    agencyId!: string;
    @Field({ description: '区域 Region' })
    region!: string;
    @Field({ description: '对象 Subject id' })
    subjectId!: string;
    @Field(() => DateTimeScalar, { description: '发生时间 Occurred at' })
    occurredAt!: Date;
    @Field({ description: '内容（JSON） Payload as JSON text' })
    payloadJson!: string;
    @Field(() => Int, { description: '位置 Position in the source' })
    position!: number;
    @Field(() => String, {
      nullable: true,
      description: '追踪上下文 W3C traceparent of the request that wrote the event',
    })
    traceparent!: string | null;
  }

  @Resolver()
  class FeedResolver {
    @Directive('@inaccessible')
    @Query(() => [OutboxEvent], {
      name: `${source}OutboxFeed`,
      description: `内部：${source} 事件流 Internal: ${source} events after a position`,
    })
    async feed(
      @Ctx() ctx: Context,
      @Arg('after', () => Int, { defaultValue: 0 }) after: number,
      @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    ) {
      requireService(ctx.identity);
      // Feed polling is background traffic: keep it out of per-request statement counts.
      const events = await requestScope.exit(() =>
        readEvents(ctx.em, source, { after, limit: Math.min(Math.max(first, 1), 500) }),
      );
      return events.map((e) => ({ ...e, payloadJson: JSON.stringify(e.payload) }));
    }

    @Directive('@inaccessible')
    @Query(() => Int, {
      name: `${source}OutboxHead`,
      description: `内部：${source} 事件流末尾 Internal: the newest position of ${source} events (0 = none yet)`,
    })
    async head(@Ctx() ctx: Context) {
      requireService(ctx.identity);
      // Positions commit in order (publishEvent's lock), so nothing committed later can sit at or below this.
      const [r]: { p: string | number }[] = await requestScope.exit(async () => {
        const rows: { p: string | number }[] = await ctx.em.execute(
          `select coalesce(max(position), 0) as p from ${source}.outbox`,
        );
        await flushWal(ctx.em); // a position given out is on disk (db/group-commit.ts)
        return rows;
      });
      return Number(r.p);
    }
  }
  return FeedResolver;
}

/** Reads a feed from another subgraph back into DomainEvents. */
export function parseFeed(
  source: string,
  rows: {
    id: string;
    type: string;
    agencyId: string;
    region: string;
    subjectId: string;
    occurredAt: string;
    payloadJson: string;
    position: number;
    traceparent?: string | null;
  }[],
): DomainEvent[] {
  return rows.map((r) => ({
    ...r,
    source,
    occurredAt: new Date(r.occurredAt),
    payload: JSON.parse(r.payloadJson) as Record<string, unknown>,
  }));
}

export const FEED_FIELDS = 'id type agencyId region subjectId occurredAt payloadJson position traceparent';
