import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { isUuid, requireService, type Context } from '@tsp/shared';
import { LegalReviewEntity } from '../entities/index.js';
import { determineMajor } from '../rules/major.js';
import { coverage } from '../rules/coverage.js';
import { ReviewStatus } from '../rules/status.js';
import { DecisionReviewCheck } from './types.js';
import { DecisionReviewCheckInput } from './inputs.js';
import { agencyPolicy } from './policy.js';

/** Queries other subgraphs call with a service token. @inaccessible: not part of the public API. */
@Resolver()
export class InternalResolver {
  @Directive('@inaccessible')
  @Query(() => DecisionReviewCheck, { description: '内部：重大决定审核核查 Internal: is this decision major, and does a PASSED review of the case cover it' })
  async decisionReviewCheck(@Ctx() ctx: Context, @Arg('input') input: DecisionReviewCheckInput): Promise<DecisionReviewCheck> {
    requireService(ctx.identity);
    const policy = await agencyPolicy(ctx, isUuid(input.agencyId) ? input.agencyId.toLowerCase() : '00000000-0000-0000-0000-000000000000');
    const { major, reasons } = determineMajor(input, policy.catalog, policy.large);
    if (!major) return { major, reasons, covered: true, reviewId: null, problem: null };
    const passed = isUuid(input.caseId) && isUuid(input.agencyId)
      ? await ctx.em.find(LegalReviewEntity, { caseId: input.caseId.toLowerCase(), agencyId: input.agencyId.toLowerCase(), status: ReviewStatus.PASSED }, { orderBy: { createdAt: 'desc', id: 'desc' } })
      : [];
    const c = coverage(passed.map((r) => ({ reviewId: r.id, penaltyKinds: r.penaltyKinds, fineAmount: r.fineAmount, confiscationAmount: r.confiscationAmount })), input);
    return { major, reasons, ...c };
  }
}
