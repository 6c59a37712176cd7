import { assertCanWrite, type Context, notFound, requireId } from '@tsp/shared';

import { ListingEntity } from '../entities/index.js';
import { requireReason } from '../rules/publication.js';
import { LIST_WRITERS } from './listings.js';
import { retireListing } from './save-listing.js';

/** 移出清单 Takes an entry off the public list; it stays in its history with the reason. */
export async function retireListEntry(ctx: Context, id: string, reason: string): Promise<boolean> {
  const l = await ctx.em.findOne(ListingEntity, { id: requireId('entry', id) });
  if (!l || !l.active) throw notFound('list entry', id);
  assertCanWrite(ctx.identity, l.agencyId, LIST_WRITERS);
  await retireListing(ctx.em, l, ctx.identity.sub!, requireReason('reason', reason));
  return true;
}
