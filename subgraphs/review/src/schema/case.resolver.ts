import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertCanRead, notFound, type Context } from '@tsp/shared';
import type { LegalReviewEntity } from '../entities/index.js';
import { determineMajor } from '../rules/major.js';
import { ReviewStatus } from '../rules/status.js';
import { caseFacts } from '../deps/records.js';
import { EnforcementCase, LegalReview, ReviewRequirement } from './types.js';
import { agencyPolicy } from './policy.js';
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
    description: '是否属于重大执法决定 Whether the case\'s decision is major and why: from the case facts and, once submitted, the latest proposed decision',
  })
  async reviewRequirement(@Root() c: EnforcementCase, @Ctx() ctx: Context): Promise<ReviewRequirement> {
    const facts = await caseFacts(ctx, c.id);
    if (!facts) throw notFound('case', c.id);
    assertCanRead(ctx.identity, facts, 'case');
    const [policy, reviews] = await Promise.all([agencyPolicy(ctx, facts.agencyId), load.reviewsOfCase(ctx).load(c.id)]);
    const latest = reviews[0];
    const { major, reasons } = determineMajor(
      {
        category: facts.category, partyType: facts.partyType, amountInvolved: facts.amountInvolved, hearingHeld: facts.hearingHeld,
        penaltyKinds: latest?.penaltyKinds ?? [], fineAmount: latest?.fineAmount, confiscationAmount: latest?.confiscationAmount,
      },
      policy.catalog, policy.large,
    );
    const passed = reviews.find((r) => r.status === ReviewStatus.PASSED);
    return {
      major, reasons,
      basedOn: latest ? `案件事实及 ${latest.receivedOn} 送审的拟决定 / case facts and the proposed decision submitted ${latest.receivedOn}` : '案件事实（尚未送审） / case facts only (nothing submitted yet)',
      passedReview: passed ? { id: passed.id } : null,
    };
  }
}
