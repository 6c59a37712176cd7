import type { Context } from '@tsp/shared';
import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';

import { caseFacts } from '../read/case-facts.js';
import { CaseFacts } from './types.js';

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
}
