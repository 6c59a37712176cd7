import type { Context } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import type { PublicationEntity } from '../entities/index.js';
import { readablePublication } from '../read/access.js';
import { caseOf, revisionsOf, statusToday } from '../read/publication-fields.js';
import { publications } from '../read/publications.js';
import { PublicationStatus } from './enums.js';
import { PublicationFilter } from './inputs.js';
import { Agency, DecisionPublication, EnforcementCase, PublicationConnection, PublicationRevision } from './types.js';

@Resolver(() => DecisionPublication)
export class PublicationResolver {
  @Query(() => PublicationConnection, {
    description:
      "执法决定公示（公开） Published decisions and inspection results, newest first (public). With filter.status: the caller's own scope in any status (agency staff, supervisor).",
  })
  publications(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublicationFilter, { nullable: true, description: '筛选条件 Filter' })
    filter?: PublicationFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 20, max 200)' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 Cursor to continue after' }) after?: string | null,
  ) {
    return publications(ctx, filter, first, after);
  }

  @Query(() => DecisionPublication, {
    description:
      '单条公示 One publication: public when published; drafts and withdrawn ones for the agency and its supervisor',
  })
  publication(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string) {
    return readablePublication(ctx, id);
  }

  @FieldResolver(() => PublicationStatus, { description: '状态 Status (EXPIRED once the publication period is over)' })
  status(@Root() p: PublicationEntity) {
    return statusToday(p);
  }

  @FieldResolver(() => Agency, { description: '执法主体 Agency' })
  agency(@Root() p: PublicationEntity) {
    return { id: p.agencyId };
  }

  @FieldResolver(() => EnforcementCase, {
    nullable: true,
    description: '执法案件 The case (agency and supervisor can open it)',
  })
  case(@Root() p: PublicationEntity, @Ctx() ctx: Context) {
    return caseOf(ctx, p);
  }

  @FieldResolver(() => [PublicationRevision], {
    description: '修订记录 History (the public sees revisions made while published)',
  })
  revisions(@Root() p: PublicationEntity, @Ctx() ctx: Context) {
    return revisionsOf(ctx, p);
  }
}
