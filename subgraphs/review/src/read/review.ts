import { assertCanRead, type Context, notFound, requireId } from '@tsp/shared';

import type { LegalReviewEntity } from '../entities/index.js';
import { load } from './loaders.js';

/** A review the caller may read (own agency, supervisor of the region, integrator in scope, admin, services), or NOT_FOUND / FORBIDDEN. */
export async function readableReview(ctx: Context, id: string): Promise<LegalReviewEntity> {
  const r = await load.review(ctx).load(requireId('review', id));
  if (!r) throw notFound('review', id);
  assertCanRead(ctx.identity, r, 'legal review');
  return r;
}
