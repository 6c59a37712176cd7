import { assertCanRead, type Context } from '@tsp/shared';

import { AgencyEntity, type OfficerEntity } from '../entities/index.js';
import { load } from './loaders.js';

/** 执法主体列表 Agencies are public: all of them, or one region's, by code. */
export function listAgencies(ctx: Context, region?: string | null): Promise<AgencyEntity[]> {
  return ctx.em.find(AgencyEntity, region ? { region } : {}, { orderBy: { code: 'asc' } });
}

/** 执法人员 An agency's officers: for its own staff, the region's supervisor and admin only. */
export async function agencyOfficers(ctx: Context, a: AgencyEntity): Promise<OfficerEntity[]> {
  assertCanRead(ctx.identity, { agencyId: a.id, region: a.region }, 'agency staff list');
  return load.officersOfAgency(ctx).load(a.id);
}
