import { CatalogRuleEntity } from './catalog-rule.js';

export { CatalogRuleEntity };
export const entities = [CatalogRuleEntity];
