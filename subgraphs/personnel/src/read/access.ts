import { assertCanRead, canRead, type Context, notFound, requireId, requireUser } from '@tsp/shared';

import type { AgencyEntity, OfficerEntity } from '../entities/index.js';
import { load } from './loaders.js';

/** An agency row, or NOT_FOUND. */
export async function agencyOrThrow(ctx: Context, id: string): Promise<AgencyEntity> {
  const a = await load.agency(ctx).load(requireId('agency', id));
  if (!a) throw notFound('agency', id);
  return a;
}

/**
 * An officer the caller may read (own agency, supervisor of the region, admin, services), or one
 * who left an agency the caller may read: that agency's old cases still name them as handlers.
 */
export async function readableOfficer(ctx: Context, id: string): Promise<OfficerEntity> {
  const o = await load.officer(ctx).load(requireId('officer', id));
  if (!o) throw notFound('officer', id);
  const a = await agencyOrThrow(ctx, o.agencyId);
  requireUser(ctx.identity);
  if (canRead(ctx.identity, { agencyId: a.id, region: a.region })) return o;
  // Only asked when the current agency does not answer, so the common read costs no statement more.
  if (await readsFormerAgency(ctx, o)) return o;
  assertCanRead(ctx.identity, { agencyId: a.id, region: a.region }, 'officer');
  return o;
}

async function readsFormerAgency(ctx: Context, o: OfficerEntity): Promise<boolean> {
  const transfers = await load.transfersOfOfficer(ctx).load(o.id);
  if (transfers.length === 0) return false;
  const former = await load.agency(ctx).loadMany([...new Set(transfers.map((t) => t.fromAgencyId))]);
  return former.some(
    (f) => !!f && !(f instanceof Error) && canRead(ctx.identity, { agencyId: f.id, region: f.region }),
  );
}

export function mayReadAgency(ctx: Context, a: AgencyEntity): boolean {
  return !!ctx.identity.role && canRead(ctx.identity, { agencyId: a.id, region: a.region });
}
