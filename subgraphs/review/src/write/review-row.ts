import { LockMode } from '@mikro-orm/core';
import { type Context, type EntityManager, notFound, requireId } from '@tsp/shared';

import { LegalReviewEntity } from '../entities/index.js';
import { load } from '../read/loaders.js';

/** The review row locked for this transaction, or NOT_FOUND. */
export async function locked(em: EntityManager, id: string): Promise<LegalReviewEntity> {
  const r = await em.findOne(LegalReviewEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!r) throw notFound('review', id);
  return r;
}

/** The review before any write, so permission refusals never need a transaction. */
export async function existing(ctx: Context, id: string): Promise<LegalReviewEntity> {
  const r = await load.review(ctx).load(requireId('review', id));
  if (!r) throw notFound('review', id);
  return r;
}
