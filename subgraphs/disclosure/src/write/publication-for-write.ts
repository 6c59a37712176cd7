import { LockMode } from '@mikro-orm/core';
import { AGENCY_ROLES, assertCanWrite, type Context, notFound, requireId } from '@tsp/shared';

import { PublicationEntity } from '../entities/index.js';

/**
 * The publication for a write by its own agency's staff (NOT_FOUND when it does not exist), locked for the rest of
 * the write's transaction: two writes of one item take turns, so each state change (and its event) happens once.
 */
export async function publicationForWrite(ctx: Context, id: string): Promise<PublicationEntity> {
  const p = await ctx.em.findOne(
    PublicationEntity,
    { id: requireId('publication', id) },
    { populate: ['partyNamePrivate'], lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!p) throw notFound('publication', id);
  assertCanWrite(ctx.identity, p.agencyId, AGENCY_ROLES);
  return p;
}
