import { type Context, DateScalar, EnforcementCategory } from '@tsp/shared';
import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';

import type { OfficerEntity } from '../entities/index.js';
import { agencyFacts, credentialChecks, officerFacts } from '../read/internal.js';
import { AgencyFacts, CredentialCheck, OfficerFacts } from './types.js';

/** Queries other subgraphs call with a service token. @inaccessible: not part of the public API. */
@Resolver()
export class InternalResolver {
  @Directive('@inaccessible')
  @Query(() => [CredentialCheck], {
    description: '内部：持证核查 Internal: for each officer, does a valid credential cover category, region and day',
  })
  async credentialChecks(
    @Ctx() ctx: Context,
    @Arg('officerIds', () => [ID]) officerIds: string[],
    @Arg('category', () => EnforcementCategory) category: EnforcementCategory,
    @Arg('region') region: string,
    @Arg('day', () => DateScalar) day: string,
  ): Promise<CredentialCheck[]> {
    return credentialChecks(ctx, officerIds, { category, region, day });
  }

  @Directive('@inaccessible')
  @Query(() => [OfficerFacts], { description: '内部：人员事实 Internal: officers by id' })
  async officerFacts(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]): Promise<OfficerEntity[]> {
    return officerFacts(ctx, ids);
  }

  @Directive('@inaccessible')
  @Query(() => [AgencyFacts], { description: '内部：机关事实 Internal: agencies by id (all when ids is empty)' })
  async agencyFacts(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]): Promise<AgencyFacts[]> {
    return agencyFacts(ctx, ids);
  }
}
