import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { EnforcementCategory, DateScalar, requireService, requireDate, isUuid, type Context } from '@tsp/shared';
import { AgencyEntity, CredentialEntity, OfficerEntity } from '../entities/index.js';
import { AgencyFacts, CredentialCheck, OfficerFacts } from './types.js';
import { credentialCoverage } from '../rules/credentials.js';
import { load } from './loaders.js';

/** Queries other subgraphs call with a service token. @inaccessible: not part of the public API. */
@Resolver()
export class InternalResolver {
  @Directive('@inaccessible')
  @Query(() => [CredentialCheck], { description: '内部：持证核查 Internal: for each officer, does a valid credential cover category, region and day' })
  async credentialChecks(
    @Ctx() ctx: Context,
    @Arg('officerIds', () => [ID]) officerIds: string[],
    @Arg('category', () => EnforcementCategory) category: EnforcementCategory,
    @Arg('region') region: string,
    @Arg('day', () => DateScalar) day: string,
  ): Promise<CredentialCheck[]> {
    requireService(ctx.identity);
    requireDate('day', day);
    const ids = officerIds.filter(isUuid);
    const [officers, creds] = await Promise.all([
      ctx.em.find(OfficerEntity, { id: { $in: ids } }),
      ctx.em.find(CredentialEntity, { officerId: { $in: ids } }),
    ]);
    return officerIds.map((id) => {
      const o = officers.find((x) => x.id === id);
      if (!o) return { officerId: id, agencyId: null, officerName: null, valid: false, reason: 'no such officer / 无此人员', credentialNumber: null };
      const cov = credentialCoverage(creds.filter((c) => c.officerId === id), { category, region, day });
      return { officerId: id, agencyId: o.agencyId, officerName: o.name, ...cov };
    });
  }

  @Directive('@inaccessible')
  @Query(() => [OfficerFacts], { description: '内部：人员事实 Internal: officers by id' })
  async officerFacts(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]): Promise<OfficerEntity[]> {
    requireService(ctx.identity);
    return ctx.em.find(OfficerEntity, { id: { $in: ids.filter(isUuid) } });
  }

  @Directive('@inaccessible')
  @Query(() => [AgencyFacts], { description: '内部：机关事实 Internal: agencies by id (all when ids is empty)' })
  async agencyFacts(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]): Promise<AgencyFacts[]> {
    requireService(ctx.identity);
    const agencies = await ctx.em.find(AgencyEntity, ids.length ? { id: { $in: ids.filter(isUuid) } } : {});
    const staffing = await load.staffing(ctx).loadMany(agencies.map((a) => a.id));
    return agencies.map((a, i) => {
      const s = staffing[i];
      return { id: a.id, name: a.name, region: a.region, enforcementOfficers: s instanceof Error ? 0 : s.enforcementOfficers };
    });
  }
}
