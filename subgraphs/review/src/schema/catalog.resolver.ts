import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { alignMany, requireId, type Context } from '@tsp/shared';
import { CatalogRuleEntity } from '../entities/index.js';
import { Agency, ReviewCatalogRule } from './types.js';

/** The catalogue is published policy (公开), so it is readable by everyone. */
function catalogOf(ctx: Context, agencyId: string) {
  return ctx.loaders
    .get<string, CatalogRuleEntity[]>('catalog', async (ids) =>
      alignMany(ids, await ctx.em.find(CatalogRuleEntity, { agencyId: { $in: [...ids] } }, { orderBy: { category: 'asc', id: 'asc' } }), (r) => r.agencyId))
    .load(agencyId);
}

@Resolver()
export class CatalogResolver {
  @Query(() => [ReviewCatalogRule], { description: '重大执法决定法制审核目录清单（公开） An agency\'s catalogue (public)' })
  reviewCatalog(@Ctx() ctx: Context, @Arg('agencyId', () => ID) agencyId: string) {
    return catalogOf(ctx, requireId('agency', agencyId));
  }

}

@Resolver(() => Agency)
export class AgencyCatalogResolver {
  @FieldResolver(() => [ReviewCatalogRule], { description: '重大执法决定法制审核目录清单 The agency\'s catalogue of major decisions' })
  reviewCatalog(@Root() a: Agency, @Ctx() ctx: Context) {
    return catalogOf(ctx, a.id);
  }
}
