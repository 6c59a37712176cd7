import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { isUuid, requireService, type Context } from '@tsp/shared';
import { CaseEntity } from '../entities/index.js';
import { CaseFacts } from './types.js';

/** Queries other subgraphs call with a service token. @inaccessible: not part of the public API. */
@Resolver()
export class RecordsInternalResolver {
  @Directive('@inaccessible')
  @Query(() => [CaseFacts], { description: '内部：案件事实 Internal: the facts of cases by id (unknown ids are left out)' })
  async caseFacts(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]): Promise<CaseFacts[]> {
    requireService(ctx.identity);
    const rows = await ctx.em.find(CaseEntity, { id: { $in: ids.filter(isUuid).map((i) => i.toLowerCase()) } });
    return rows.map((c) => ({
      id: c.id, agencyId: c.agencyId, region: c.region, caseNumber: c.caseNumber, category: c.category, cause: c.cause,
      partyType: c.partyType, partyName: c.partyName, handlerIds: c.handlerIds, stage: c.stage, amountInvolved: c.amountInvolved,
      hearingHeld: c.hearingHeld, decided: c.decided,
    }));
  }
}
