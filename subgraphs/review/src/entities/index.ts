import { CatalogRuleEntity } from './catalog-rule.js';
import { ReviewSettingsEntity } from './settings.js';
import { LegalReviewEntity } from './review.js';
import { UnreviewedDecisionEntity } from './unreviewed-decision.js';

export { CatalogRuleEntity, ReviewSettingsEntity, LegalReviewEntity, UnreviewedDecisionEntity };
export const entities = [CatalogRuleEntity, ReviewSettingsEntity, LegalReviewEntity, UnreviewedDecisionEntity];
