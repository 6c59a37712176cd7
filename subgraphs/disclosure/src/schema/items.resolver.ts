import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { alignMany, requireId, type Context } from '@tsp/shared';
import { EnforcementItemEntity } from '../entities/index.js';
import { Agency, EnforcementItem } from './types.js';

function itemsOf(ctx: Context, agencyId: string) {
  return ctx.loaders
    .get<string, EnforcementItemEntity[]>('items', async (ids) =>
      alignMany(ids, await ctx.em.find(EnforcementItemEntity, { agencyId: { $in: [...ids] } }, { orderBy: { name: 'asc' } }), (r) => r.agencyId))
    .load(agencyId);
}

@Resolver()
export class ItemsResolver {
  @Query(() => [EnforcementItem], { description: '行政执法事项清单（公开） Enforcement item list (public)' })
  enforcementItems(@Ctx() ctx: Context, @Arg('agencyId', () => ID) agencyId: string) {
    return itemsOf(ctx, requireId('agency', agencyId));
  }

}

@Resolver(() => Agency)
export class AgencyItemsResolver {
  @FieldResolver(() => [EnforcementItem], { description: '行政执法事项清单（公开） Enforcement item list (public)' })
  enforcementItems(@Root() a: Agency, @Ctx() ctx: Context) {
    return itemsOf(ctx, a.id);
  }
}
