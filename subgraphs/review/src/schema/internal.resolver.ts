import type { Context } from '@tsp/shared';
import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';

import { decisionReviewCheck } from '../read/requirement.js';
import { DecisionReviewCheckInput } from './inputs.js';
import { DecisionReviewCheck } from './types.js';

/** Queries other subgraphs call with a service token. @inaccessible: not part of the public API. */
@Resolver()
export class InternalResolver {
  @Directive('@inaccessible')
  @Query(() => DecisionReviewCheck, {
    description:
      '内部：重大决定审核核查 Internal: is this decision major, and does a PASSED review of the case cover it',
  })
  decisionReviewCheck(
    @Ctx() ctx: Context,
    @Arg('input') input: DecisionReviewCheckInput,
  ): Promise<DecisionReviewCheck> {
    return decisionReviewCheck(ctx, input);
  }
}
