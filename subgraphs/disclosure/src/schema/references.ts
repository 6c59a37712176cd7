import { isUuid, type Context, type ReferenceResolvers } from '@tsp/shared';
import { load } from './loaders.js';
import { visibleTo } from './access.js';

/** Entity references from other subgraphs, batched and authorized like the root fields. */
export const references: ReferenceResolvers = {
  // Agency fields here are public lists or authorize themselves (disclosureFindings); region comes from personnel via @requires.
  Agency: (ref: { id: string; region?: string }) => ({ id: ref.id, region: ref.region }),
  EnforcementCase: (ref: { id: string }) => ({ id: ref.id }),
  DecisionPublication: async (ref: { id: string }, ctx: Context) =>
    isUuid(ref.id) ? visibleTo(ctx, await load.publication(ctx).load(ref.id.toLowerCase())) : null,
};
