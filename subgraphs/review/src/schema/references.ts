import type { Context, ReferenceResolvers } from '@tsp/shared';

import { readableReview } from '../read/review.js';

/** Entity references, authorized like the root fields. */
export const references: ReferenceResolvers = {
  LegalReview: (ref: { id: string }, ctx: Context) => readableReview(ctx, ref.id),
  // Stubs: review adds fields to these; each such field authorizes itself.
  Agency: (ref: { id: string }) => ({ id: ref.id }),
  EnforcementCase: (ref: { id: string }) => ({ id: ref.id }),
  Officer: (ref: { id: string }) => ({ id: ref.id }),
};
