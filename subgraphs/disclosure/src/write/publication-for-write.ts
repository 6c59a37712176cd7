import { AGENCY_ROLES, assertCanWrite, type Context, notFound, requireId } from '@tsp/shared';

import { PublicationEntity } from '../entities/index.js';

/** The publication for a write by its own agency's staff (NOT_FOUND when it does not exist). */
export async function publicationForWrite(ctx: Context, id: string): Promise<PublicationEntity> {
  const p = await ctx.em.findOne(
    PublicationEntity,
    { id: requireId('publication', id) },
    { populate: ['partyNamePrivate'] },
  );
  if (!p) throw notFound('publication', id);
  assertCanWrite(ctx.identity, p.agencyId, AGENCY_ROLES);
  return p;
}
