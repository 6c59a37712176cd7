import { CatalogRuleEntity } from './catalog-rule.js';
import { LegalReviewEntity } from './review.js';
import { ReviewSettingsEntity } from './settings.js';
import { UnreviewedDecisionEntity } from './unreviewed-decision.js';

export { CatalogRuleEntity, LegalReviewEntity, ReviewSettingsEntity, UnreviewedDecisionEntity };
export const entities = [CatalogRuleEntity, ReviewSettingsEntity, LegalReviewEntity, UnreviewedDecisionEntity];
