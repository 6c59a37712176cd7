import type { Context, ReferenceResolvers } from '@tsp/shared';

import { readableCase } from '../read/access.js';

/** Entity references from other subgraphs, authorized like the root fields. */
export const references: ReferenceResolvers = {
  Agency: (ref: { id: string }) => ({ id: ref.id }),
  Officer: (ref: { id: string }) => ({ id: ref.id }),
  EnforcementCase: (ref: { id: string }, ctx: Context) => readableCase(ctx, ref.id),
};
