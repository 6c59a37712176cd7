import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';

import { connectionType } from '../graphql/pagination.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import type { Context } from '../server/context.js';
import { INTEGRATOR_SOURCES, integratorPayload, type IntegratorSource } from './integrator-payloads.js';
import { readScopedLog } from './public-log.js';

/**
 * 对外事件日志 `<source>Events(after, first, agencyId)`: a source's outbox as the durable, resumable log integrators
 * read (readScopedLog: scoped by the token, opaque position cursors). Each node carries the payload exactly as a
 * webhook delivers it (integratorPayload; JSON Schema docs/events/v1/<type>.schema.json), so the log and the
 * deliveries of one event are the same bytes. For sources whose log has no typed fields of its own (records,
 * supervision, disclosure, personnel); review and inspection keep reviewEvents and inspectionEvents.
 */
export function integratorLog(source: Exclude<IntegratorSource, 'review' | 'inspection'>, typePrefix: string) {
  const types = INTEGRATOR_SOURCES[source];

  @ObjectType(`${typePrefix}Event`, { description: `${source} 对外事件 An event of ${source}'s log` })
  class LogEvent {
    @Field(() => ID, { description: '事件标识 Event id (webhook deliveries repeat it as x-tsp-event-id)' })
    id!: string;
    @Field({ description: `类型 One of ${types.join(', ')}` })
    type!: string;
    @Field(() => DateTimeScalar, { description: '发生时间 Occurred at' })
    occurredAt!: Date;
    @Field({ description: '游标 Resume after this event (also a webhook delivery cursor of this source)' })
    cursor!: string;
    @Field(() => ID, { description: '执法主体 Agency the event belongs to' })
    agencyId!: string;
    @Field({
      description: '对象 Subject id (the case, the complaint, the publication; for credentials the credential number)',
    })
    subjectId!: string;
    @Field({
      description:
        '内容（JSON） Payload as JSON text, as webhooks deliver it; schema docs/events/v1/<type>.schema.json',
    })
    payloadJson!: string;
  }
  const Connection = connectionType(LogEvent, `${typePrefix}Event`, `${source} 对外事件`);

  @Resolver()
  class LogResolver {
    @Query(() => Connection, {
      name: `${source}Events`,
      description: `${source} 事件日志 ${source}'s events in position order, scoped by the token; resume with \`after\``,
    })
    async events(
      @Ctx() ctx: Context,
      @Arg('after', () => String, { nullable: true, description: '游标 After this cursor' }) after?: string | null,
      @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 100)' }) first?: number | null,
      @Arg('agencyId', () => ID, { nullable: true, description: '执法主体 Only this agency' }) agencyId?: string | null,
    ) {
      const log = await readScopedLog<Record<string, unknown>>(ctx, source, types, { after, first, agencyId });
      const edges = log.nodes.map((r) => ({
        cursor: r.cursor,
        node: {
          id: r.id,
          type: r.type,
          occurredAt: r.occurredAt,
          cursor: r.cursor,
          agencyId: r.agencyId,
          subjectId: r.subjectId,
          payloadJson: JSON.stringify(integratorPayload(r.type, r.payload)),
        },
      }));
      return { edges, pageInfo: { hasNextPage: log.hasNextPage, endCursor: log.endCursor } };
    }
  }
  return LogResolver;
}
