import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isUuid, type Context } from '@tsp/shared';
import { DecisionPublication, EnforcementCase } from './types.js';
import { load } from './loaders.js';
import { mayRead } from './access.js';

@Resolver(() => EnforcementCase)
export class CasePublicationResolver {
  @FieldResolver(() => DecisionPublication, {
    nullable: true,
    description: '决定公示 The publication of this case\'s decision (agency staff and supervisor; authorized on the publication\'s own agency and region)',
  })
  async publication(@Root() c: EnforcementCase, @Ctx() ctx: Context) {
    if (!isUuid(c.id)) return null;
    const p = await load.publicationOfCase(ctx).load(c.id.toLowerCase());
    return p && mayRead(ctx, p) ? p : null;
  }
}
