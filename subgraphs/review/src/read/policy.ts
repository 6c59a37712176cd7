import type { Context } from '@tsp/shared';

import type { CatalogRuleEntity, LegalReviewEntity, ReviewSettingsEntity } from '../entities/index.js';
import type { ReviewedDiscretion } from '../rules/departure.js';
import type { ReviewDays } from '../rules/due.js';
import type { CatalogRule } from '../rules/major.js';
import { isMachineCheckable } from '../rules/major.js';
import { ReviewStatus } from '../rules/status.js';
import { DEFAULT_LARGE_AMOUNTS, DEFAULT_REVIEW_DAYS, type LargeAmounts } from '../rules/thresholds.js';
import { load } from './loaders.js';

/** A catalogue row as the rules see it. */
export function toRule(e: CatalogRuleEntity): CatalogRule {
  const pair = (n: string | null, o: string | null) =>
    n == null && o == null ? null : { naturalPerson: n, organization: o };
  return {
    id: e.id,
    category: e.category,
    description: e.description,
    penaltyKinds: e.penaltyKinds,
    fineThreshold: pair(e.fineMinNaturalPerson, e.fineMinOrganization),
    amountInvolvedThreshold: pair(e.amountInvolvedMinNaturalPerson, e.amountInvolvedMinOrganization),
    hearingHeld: e.hearingHeld,
    legalBasis: e.legalBasis,
    active: e.active,
  };
}

/** A catalogue row as GraphQL serves it. */
export function toRuleView(e: CatalogRuleEntity) {
  const r = toRule(e);
  return { ...e, ...r, agency: { id: e.agencyId }, automatic: isMachineCheckable(r) };
}

export interface AgencyPolicy {
  catalog: CatalogRule[];
  large: LargeAmounts;
  days: ReviewDays;
  isDefault: boolean;
}

export function policyOf(rules: CatalogRuleEntity[], s: ReviewSettingsEntity | null): AgencyPolicy {
  return {
    catalog: rules.map(toRule),
    large: s
      ? { naturalPerson: s.largeAmountNaturalPerson, organization: s.largeAmountOrganization }
      : DEFAULT_LARGE_AMOUNTS,
    days: s ? { normal: s.normalDays, complex: s.complexDays } : DEFAULT_REVIEW_DAYS,
    isDefault: !s,
  };
}

/** The agency's catalogue and settings (batched). */
export async function agencyPolicy(ctx: Context, agencyId: string): Promise<AgencyPolicy> {
  const [rules, s] = await Promise.all([load.catalog(ctx).load(agencyId), load.settings(ctx).load(agencyId)]);
  return policyOf(rules, s);
}

/**
 * The decisions a case's PASSED reviews approved, in the order given (newest first), as coverage reads them, with the
 * discretion benchmark each applied (for a departure's coverage).
 */
export function passedDecisions(reviews: readonly LegalReviewEntity[]): ReviewedDiscretion[] {
  return reviews
    .filter((r) => r.status === ReviewStatus.PASSED)
    .map((r) => ({
      reviewId: r.id,
      penaltyKinds: r.penaltyKinds,
      fineAmount: r.fineAmount,
      confiscationAmount: r.confiscationAmount,
      discretion: r.discretion,
    }));
}
