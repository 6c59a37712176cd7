import { badInput, type Context, forbidden, requireRole, requireText, Role } from '@tsp/shared';

import { RegionCapsEntity } from '../entities/index.js';
import { capsProblem, type FrequencyCaps } from '../rules/caps.js';

/**
 * 设定检查频次上限 The region's justice bureau (SUPERVISOR of the region) or the ADMIN sets the caps; they apply to
 * approvals and starts from then on, and to the findings over every started visit.
 */
export async function setInspectionCaps(ctx: Context, region: string, caps: FrequencyCaps): Promise<FrequencyCaps> {
  requireRole(ctx.identity, Role.SUPERVISOR, Role.ADMIN);
  const r = requireText('region', region, 100);
  if (ctx.identity.role === Role.SUPERVISOR && ctx.identity.region !== r)
    throw forbidden('you supervise another region');
  const bad = capsProblem(caps);
  if (bad) throw badInput(`caps.${bad}`, 'must be a whole number from 1 to 1000');
  await ctx.em.upsert(RegionCapsEntity, { region: r, ...caps, updatedBy: ctx.identity.sub, updatedAt: new Date() });
  return caps;
}
