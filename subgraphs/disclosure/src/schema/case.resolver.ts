import type { Context } from '@tsp/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { publicationOfCase } from '../read/publication-fields.js';
import { DecisionPublication, EnforcementCase } from './types.js';

@Resolver(() => EnforcementCase)
export class CasePublicationResolver {
  @FieldResolver(() => DecisionPublication, {
    nullable: true,
    description:
      "决定公示 The publication of this case's decision (agency staff and supervisor; authorized on the publication's own agency and region)",
  })
  publication(@Root() c: EnforcementCase, @Ctx() ctx: Context) {
    return publicationOfCase(ctx, c.id);
  }
}
