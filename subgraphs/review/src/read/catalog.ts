import { type Context, reloaded, requireId } from '@tsp/shared';

import { CatalogRuleEntity } from '../entities/index.js';
import { load } from './loaders.js';
import { agencyPolicy, toRuleView } from './policy.js';

/** 重大执法决定法制审核目录清单 An agency's active catalogue (public). */
export async function catalogOf(ctx: Context, agencyId: string) {
  return (await load.catalog(ctx).load(agencyId)).map(toRuleView);
}

/** 法制审核设置 An agency's time limits and large-amount thresholds (public); defaults when it set none. */
export async function settingsOf(ctx: Context, agencyId: string) {
  const p = await agencyPolicy(ctx, agencyId);
  return {
    normalDays: p.days.normal,
    complexDays: p.days.complex,
    largeAmountNaturalPerson: p.large.naturalPerson,
    largeAmountOrganization: p.large.organization,
    isDefault: p.isDefault,
  };
}

/** The reviewCatalog query: the agency id as the caller typed it. */
export function reviewCatalog(ctx: Context, agencyId: string) {
  return catalogOf(ctx, requireId('agency', agencyId));
}

/** A repeated Idempotency-Key answers with the rule, read again. */
export const ruleReplay = reloaded(async (ctx, id) =>
  toRuleView(await ctx.em.findOneOrFail(CatalogRuleEntity, { id })),
);
