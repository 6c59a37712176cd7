import { canRead, type Context, isUuid, notFound, requireId, type Scoped, shanghaiDate } from '@tsp/shared';

import type { PublicationEntity } from '../entities/index.js';
import { publiclyVisible } from '../rules/publication.js';
import { load } from './loaders.js';

/** Whether the caller may read an agency's non-public rows (own agency, supervisor of the region, admin, services). */
export function mayRead(ctx: Context, row: Scoped): boolean {
  return (!!ctx.identity.role || !!ctx.identity.service) && canRead(ctx.identity, row);
}

/** A publication the caller may see: anyone when it is on the public list, else its agency's readers; else null. */
export function visibleTo(ctx: Context, p: PublicationEntity | null): PublicationEntity | null {
  if (!p) return null;
  if (publiclyVisible(p, shanghaiDate())) return p;
  return mayRead(ctx, p) ? p : null;
}

/** The same, but NOT_FOUND for what the caller may not see (so existence does not leak). */
export async function readablePublication(ctx: Context, id: string): Promise<PublicationEntity> {
  const p = visibleTo(ctx, await load.publication(ctx).load(requireId('publication', id)));
  if (!p) throw notFound('publication', id);
  return p;
}

/** A publication another subgraph refers to: null when the id is malformed or the caller may not see it. */
export async function referencedPublication(ctx: Context, id: string): Promise<PublicationEntity | null> {
  return isUuid(id) ? visibleTo(ctx, await load.publication(ctx).load(id.toLowerCase())) : null;
}
