import type { Context, ReferenceResolvers } from '@tsp/shared';

import { referencedPublication } from '../read/access.js';

/** Entity references from other subgraphs, batched and authorized like the root fields. */
export const references: ReferenceResolvers = {
  // Agency fields here are public lists or authorize themselves (disclosureFindings); region comes from personnel via @requires.
  Agency: (ref: { id: string; region?: string }) => ({ id: ref.id, region: ref.region }),
  EnforcementCase: (ref: { id: string }) => ({ id: ref.id }),
  DecisionPublication: (ref: { id: string }, ctx: Context) => referencedPublication(ctx, ref.id),
};
