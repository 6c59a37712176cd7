import type { SchemaDefinition } from '@tsp/shared';

import { EnterpriseResolver } from './enterprise.resolver.js';
import { AgencyItemsResolver, InspectionItemResolver } from './item.resolver.js';
import { references } from './references.js';
import { Agency } from './types.js';

export const schema: SchemaDefinition = {
  resolvers: [EnterpriseResolver, InspectionItemResolver, AgencyItemsResolver],
  // Agency is reached only through its extension field, so it must be named here.
  orphanedTypes: [Agency],
  references,
};
