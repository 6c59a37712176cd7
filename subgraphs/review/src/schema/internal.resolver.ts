import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { isUuid, requireService, type Context } from '@tsp/shared';
import { reviewRequirementOf } from '../rules/requirement.js';
import { load } from './loaders.js';
import { DecisionReviewCheck } from './types.js';
import { DecisionReviewCheckInput } from './inputs.js';
import { agencyPolicy, passedDecisions } from './policy.js';

/** Queries other subgraphs call with a service token. @inaccessible: not part of the public API. */
@Resolver()
export class InternalResolver {
  @Directive('@inaccessible')
  @Query(() => DecisionReviewCheck, { description: '内部：重大决定审核核查 Internal: is this decision major, and does a PASSED review of the case cover it' })
  async decisionReviewCheck(@Ctx() ctx: Context, @Arg('input') input: DecisionReviewCheckInput): Promise<DecisionReviewCheck> {
    requireService(ctx.identity);
    const agencyId = isUuid(input.agencyId) ? input.agencyId.toLowerCase() : '00000000-0000-0000-0000-000000000000';
    const caseId = isUuid(input.caseId) ? input.caseId.toLowerCase() : null;
    const [policy, reviews] = await Promise.all([
      agencyPolicy(ctx, agencyId), caseId ? load.reviewsOfCase(ctx).load(caseId) : [],
    ]);
    // The same rule EnforcementCase.reviewRequirement answers with, so the two never disagree.
    return reviewRequirementOf(input, policy, passedDecisions(reviews.filter((r) => r.agencyId === agencyId)));
  }
}
