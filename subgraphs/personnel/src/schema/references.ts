import { type Context, type ReferenceResolvers, requireId } from '@tsp/shared';

import { readableOfficer } from '../read/access.js';
import { load } from '../read/loaders.js';

/** Entity references from other subgraphs, batched and authorized like the root fields. */
export const references: ReferenceResolvers = {
  // Agencies are public (name, region, kind); their protected fields check access themselves.
  Agency: (ref: { id: string }, ctx: Context) => load.agency(ctx).load(requireId('agency', ref.id)),
  Officer: (ref: { id: string }, ctx: Context) => readableOfficer(ctx, ref.id),
};
