import { asAnswer, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import { catalogOf, reviewCatalog, ruleReplay, settingsOf } from '../read/catalog.js';
import { deactivateReviewCatalogRule, setReviewCatalogRule } from '../write/catalog-rule.js';
import { setReviewSettings } from '../write/review-settings.js';
import { ReviewCatalogRuleInput, ReviewSettingsInput } from './inputs.js';
import { Agency, ReviewCatalogRule, ReviewSettings } from './types.js';

@Resolver()
export class CatalogResolver {
  @Query(() => [ReviewCatalogRule], {
    description: "重大执法决定法制审核目录清单（公开） An agency's catalogue (public)",
  })
  reviewCatalog(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ) {
    return reviewCatalog(ctx, agencyId);
  }

  @UseMiddleware(Idempotent('review', ruleReplay))
  @Mutation(() => ReviewCatalogRule, {
    description:
      '新增或修改目录条目 Create or replace a catalogue rule (agency head or legal reviewer of the agency; ADMIN)',
  })
  setReviewCatalogRule(
    @Ctx() ctx: Context,
    @Arg('input', { description: '目录条目 The rule' }) input: ReviewCatalogRuleInput,
  ) {
    return setReviewCatalogRule(ctx, input);
  }

  @UseMiddleware(Idempotent('review', ruleReplay))
  @Mutation(() => ReviewCatalogRule, {
    description: '停用目录条目 Deactivate a catalogue rule (kept for the record; no longer applies)',
  })
  deactivateReviewCatalogRule(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '目录条目 Rule id' }) id: string,
  ) {
    return deactivateReviewCatalogRule(ctx, id);
  }

  @UseMiddleware(Idempotent('review', asAnswer()))
  @Mutation(() => ReviewSettings, {
    description: "设置审核期限和较大数额标准 Set the agency's review time limits and large-amount thresholds",
  })
  setReviewSettings(
    @Ctx() ctx: Context,
    @Arg('input', { description: '审核设置 The settings' }) input: ReviewSettingsInput,
  ): Promise<ReviewSettings> {
    return setReviewSettings(ctx, input);
  }
}

@Resolver(() => Agency)
export class AgencyCatalogResolver {
  @FieldResolver(() => [ReviewCatalogRule], {
    description: "重大执法决定法制审核目录清单（公开） The agency's catalogue of major decisions (public)",
  })
  reviewCatalog(@Root() a: Agency, @Ctx() ctx: Context) {
    return catalogOf(ctx, a.id);
  }

  @FieldResolver(() => ReviewSettings, {
    description: '法制审核设置（公开） Review time limits and large-amount thresholds (public policy)',
  })
  reviewSettings(@Root() a: Agency, @Ctx() ctx: Context) {
    return settingsOf(ctx, a.id);
  }
}
