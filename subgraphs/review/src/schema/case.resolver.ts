import type { Context } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { LegalReviewEntity } from '../entities/index.js';
import { caseReviewRequirement, caseReviews } from '../read/requirement.js';
import { DecisionToCheckInput } from './inputs.js';
import { EnforcementCase, LegalReview, ReviewRequirement } from './types.js';

/** review's fields on records' EnforcementCase; each authorizes through the case's agency. */
@Resolver(() => EnforcementCase)
export class CaseReviewResolver {
  @FieldResolver(() => [LegalReview], { description: '法制审核（新在前） Legal reviews of the case, newest first' })
  reviews(@Root() c: EnforcementCase, @Ctx() ctx: Context): Promise<LegalReviewEntity[]> {
    return caseReviews(ctx, c.id);
  }

  @FieldResolver(() => ReviewRequirement, {
    description:
      "是否属于重大执法决定 Whether the case's decision is major, why, and whether a PASSED review covers " +
      'it: for `decision` when given (the answer recordDecision will give for it), otherwise for the latest ' +
      'proposed decision',
  })
  reviewRequirement(
    @Root() c: EnforcementCase,
    @Ctx() ctx: Context,
    @Arg('decision', () => DecisionToCheckInput, {
      nullable: true,
      description: '拟作出的决定 The decision about to be recorded',
    })
    decision?: DecisionToCheckInput | null,
  ): Promise<ReviewRequirement> {
    return caseReviewRequirement(ctx, c.id, decision);
  }
}
