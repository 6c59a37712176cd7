import type { SchemaDefinition } from '@tsp/shared';
import { Agency } from './types.js';
import { AgencyItemsResolver, ItemsResolver } from './items.resolver.js';

export const schema: SchemaDefinition = {
  resolvers: [ItemsResolver, AgencyItemsResolver],
  // Agency is reached only through its extension fields, so it must be named here.
  orphanedTypes: [Agency],
  references: {
    Agency: (ref: { id: string }) => ({ id: ref.id }),
  },
};
