import { type Context, eventFeed } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import { listInspectionEvents } from '../read/inspection-events.js';
import { referencedInspection } from '../read/inspections.js';
import { Inspection, InspectionEvent, InspectionEventConnection } from './inspection.types.js';

/** The internal feed other subgraphs (review's webhook delivery) read inspection's events from. */
export const InspectionFeedResolver = eventFeed('inspection', 'Inspection');

@Resolver(() => InspectionEvent)
export class InspectionEventsResolver {
  @Query(() => InspectionEventConnection, {
    description:
      '涉企检查事件日志 Inspection events in position order, scoped by the token; resume with `after` (integrators, supervisor, agency staff)',
  })
  inspectionEvents(
    @Ctx() ctx: Context,
    @Arg('after', () => String, { nullable: true, description: '游标 After this cursor' }) after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 100)' }) first?: number | null,
    @Arg('agencyId', () => ID, { nullable: true, description: '执法主体 Only this agency' }) agencyId?: string | null,
  ) {
    return listInspectionEvents(ctx, after, first, agencyId);
  }

  @FieldResolver(() => Inspection, { nullable: true, description: '检查 The inspection, where the token may read it' })
  inspection(@Root() e: { inspection: { id: string } }, @Ctx() ctx: Context) {
    return referencedInspection(ctx, e.inspection.id);
  }
}
