import { type Context, DateScalar } from '@tsp/shared';
import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';

import { archivedCases } from '../read/archived-cases.js';
import { caseFacts } from '../read/case-facts.js';
import { ArchivedCaseRef, CaseFacts } from './types.js';

/** Queries other subgraphs call with a service token. @inaccessible: not part of the public API. */
@Resolver()
export class RecordsInternalResolver {
  @Directive('@inaccessible')
  @Query(() => [CaseFacts], {
    description: '内部：案件事实 Internal: the facts of cases by id (unknown ids are left out)',
  })
  caseFacts(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]): Promise<CaseFacts[]> {
    return caseFacts(ctx, ids);
  }

  @Directive('@inaccessible')
  @Query(() => [ArchivedCaseRef], {
    description:
      '内部：已归档案件 Internal: cases of a region (or of these agencies) archived between two days, legacy included',
  })
  archivedCases(
    @Ctx() ctx: Context,
    @Arg('region') region: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('agencyIds', () => [ID], { nullable: true }) agencyIds?: string[] | null,
  ): Promise<ArchivedCaseRef[]> {
    return archivedCases(ctx, { region, agencyIds, from, to });
  }
}
