import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertCanRead, notFound, type Context } from '@tsp/shared';
import type { LegalReviewEntity } from '../entities/index.js';
import { reviewRequirementOf } from '../rules/requirement.js';
import { ReviewStatus } from '../rules/status.js';
import { caseFacts } from '../deps/records.js';
import { EnforcementCase, LegalReview, ReviewRequirement } from './types.js';
import { agencyPolicy, passedDecisions } from './policy.js';
import { DecisionToCheckInput } from './inputs.js';
import { load } from './loaders.js';

/** review's fields on records' EnforcementCase; each authorizes through the case's agency. */
@Resolver(() => EnforcementCase)
export class CaseReviewResolver {
  @FieldResolver(() => [LegalReview], { description: '法制审核（新在前） Legal reviews of the case, newest first' })
  async reviews(@Root() c: EnforcementCase, @Ctx() ctx: Context): Promise<LegalReviewEntity[]> {
    const rows = await load.reviewsOfCase(ctx).load(c.id);
    // Every row carries the case's agency and region, so no other subgraph is needed to authorize.
    if (rows.length) assertCanRead(ctx.identity, rows[0], 'case');
    return rows;
  }

  @FieldResolver(() => ReviewRequirement, {
    description: '是否属于重大执法决定 Whether the case\'s decision is major, why, and whether a PASSED review covers '
      + 'it: for `decision` when given (the answer recordDecision will give for it), otherwise for the latest '
      + 'proposed decision',
  })
  async reviewRequirement(
    @Root() c: EnforcementCase, @Ctx() ctx: Context,
    @Arg('decision', () => DecisionToCheckInput, {
      nullable: true, description: '拟作出的决定 The decision about to be recorded',
    })
    decision?: DecisionToCheckInput | null,
  ): Promise<ReviewRequirement> {
    const facts = await caseFacts(ctx, c.id);
    if (!facts) throw notFound('case', c.id);
    assertCanRead(ctx.identity, facts, 'case');
    const [policy, reviews] = await Promise.all([agencyPolicy(ctx, facts.agencyId), load.reviewsOfCase(ctx).load(c.id)]);
    const latest = reviews[0];
    const asked = decision ?? latest ?? { penaltyKinds: [] };
    const answer = reviewRequirementOf(
      {
        category: facts.category, partyType: facts.partyType, amountInvolved: facts.amountInvolved, hearingHeld: facts.hearingHeld,
        penaltyKinds: asked.penaltyKinds, fineAmount: asked.fineAmount, confiscationAmount: asked.confiscationAmount,
      },
      policy, passedDecisions(reviews),
    );
    const passed = reviews.find((r) => r.status === ReviewStatus.PASSED);
    return {
      ...answer,
      basedOn: basedOn(decision, latest),
      passedReview: passed ? { id: passed.id } : null,
    };
  }
}

function basedOn(decision: DecisionToCheckInput | null | undefined, latest: LegalReviewEntity | undefined): string {
  if (decision) return '案件事实及所查询的决定 / case facts and the decision asked about';
  if (latest) {
    const on = latest.receivedOn;
    return `案件事实及 ${on} 送审的拟决定 / case facts and the proposed decision submitted ${on}`;
  }
  return '案件事实（尚未送审；处罚决定仍可能属于重大，请传入 decision） / case facts only (nothing submitted yet; a penalty may '
    + 'still make the decision major: pass `decision`)';
}
