import type { Context, ReferenceResolvers } from '@tsp/shared';

import { referencedEnterprise } from '../read/enterprises.js';
import { referencedItem } from '../read/items.js';

/** Entity references from other subgraphs, batched and authorised like the root fields. */
export const references: ReferenceResolvers = {
  // Agency's only field here is the public inspection list.
  Agency: (ref: { id: string }) => ({ id: ref.id }),
  Enterprise: (ref: { id: string }, ctx: Context) => referencedEnterprise(ctx, ref.id),
  InspectionItem: (ref: { id: string }, ctx: Context) => referencedItem(ctx, ref.id),
};
