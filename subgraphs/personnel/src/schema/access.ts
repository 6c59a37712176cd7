import { assertCanRead, canRead, notFound, requireId, type Context } from '@tsp/shared';
import type { AgencyEntity, OfficerEntity } from '../entities/index.js';
import { load } from './loaders.js';

/** An agency row, or NOT_FOUND. */
export async function agencyOrThrow(ctx: Context, id: string): Promise<AgencyEntity> {
  const a = await load.agency(ctx).load(requireId('agency', id));
  if (!a) throw notFound('agency', id);
  return a;
}

/** An officer the caller may read (own agency, supervisor of the region, admin, services). */
export async function readableOfficer(ctx: Context, id: string): Promise<OfficerEntity> {
  const o = await load.officer(ctx).load(requireId('officer', id));
  if (!o) throw notFound('officer', id);
  const a = await agencyOrThrow(ctx, o.agencyId);
  assertCanRead(ctx.identity, { agencyId: a.id, region: a.region }, 'officer');
  return o;
}

export function mayReadAgency(ctx: Context, a: AgencyEntity): boolean {
  return !!ctx.identity.role && canRead(ctx.identity, { agencyId: a.id, region: a.region });
}
