import { assertCanRead, type Context, pageArgs, Role, toPage } from '@tsp/shared';

import { type AgencyEntity, OfficerEntity } from '../entities/index.js';
import { agencyOrThrow, mayReadAgency } from './access.js';
import { load } from './loaders.js';
import { requireYear } from './year.js';

/** 机关执法人员分页 An agency's officers by id, one page after the cursor (own agency, supervisor, admin). */
export async function officersPage(ctx: Context, agencyId: string, first?: number, after?: string) {
  const a = await agencyOrThrow(ctx, agencyId);
  assertCanRead(ctx.identity, { agencyId: a.id, region: a.region }, 'agency staff list');
  const page = pageArgs(first, after);
  const rows = await ctx.em.find(
    OfficerEntity,
    { agencyId: a.id, ...(page.after ? { id: { $gt: page.after } } : {}) },
    { orderBy: { id: 'asc' }, limit: page.limit + 1 },
  );
  return toPage(rows, page.limit, (o) => o.id);
}

/** The officer's agency: its fields are resolved in this subgraph, so the full row, not just { id }. */
export async function officerAgency(ctx: Context, o: OfficerEntity): Promise<AgencyEntity> {
  return (await load.agency(ctx).load(o.agencyId))!;
}

/** 年度培训学时 The officer's training hours in a year. */
export function trainingHoursIn(ctx: Context, o: OfficerEntity, year: number): Promise<number> {
  return load.trainingHours(ctx, requireYear(year)).load(o.id);
}

/** A private field (ID number, phone): the agency's own staff, the region's supervisor, admin; never integrators. */
export async function privateField(
  ctx: Context,
  o: OfficerEntity,
  field: 'idNumber' | 'phone',
): Promise<string | null> {
  const a = await load.agency(ctx).load(o.agencyId);
  return a && ctx.identity.role !== Role.INTEGRATOR && mayReadAgency(ctx, a) ? o[field] : null;
}
