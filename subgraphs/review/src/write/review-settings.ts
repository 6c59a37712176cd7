import { assertCanWrite, type Context, requireId } from '@tsp/shared';

import { ReviewSettingsEntity } from '../entities/index.js';
import { checkReviewDays, positiveOrNull } from '../rules/settings.js';
import { regionOf } from './agency-region.js';
import { CATALOG_EDITORS } from './catalog-rule.js';

export interface ReviewSettingsInputLike {
  agencyId: string;
  normalDays: number;
  complexDays: number;
  largeAmountNaturalPerson: string;
  largeAmountOrganization: string;
}

/** 设置审核期限和较大数额标准 Replaces the agency's settings; reviews submitted from now on use them. */
export async function setReviewSettings(ctx: Context, input: ReviewSettingsInputLike) {
  const agencyId = requireId('agency', input.agencyId);
  assertCanWrite(ctx.identity, agencyId, CATALOG_EDITORS);
  checkReviewDays(input.normalDays, input.complexDays);
  const values = {
    normalDays: input.normalDays,
    complexDays: input.complexDays,
    largeAmountNaturalPerson: positiveOrNull('largeAmountNaturalPerson', input.largeAmountNaturalPerson)!,
    largeAmountOrganization: positiveOrNull('largeAmountOrganization', input.largeAmountOrganization)!,
    updatedBy: ctx.identity.sub!,
    updatedAt: new Date(),
  };
  const found = await ctx.em.findOne(ReviewSettingsEntity, { agencyId });
  if (found) ctx.em.assign(found, values);
  else ctx.em.create(ReviewSettingsEntity, { ...values, agencyId, region: await regionOf(ctx, agencyId) });
  await ctx.em.flush();
  return {
    normalDays: values.normalDays,
    complexDays: values.complexDays,
    largeAmountNaturalPerson: values.largeAmountNaturalPerson,
    largeAmountOrganization: values.largeAmountOrganization,
    isDefault: false,
  };
}
