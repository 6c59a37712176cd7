import { assertCanWrite, badInput, type Context, requireId } from '@tsp/shared';

import { InspectionItemEntity, PlanLineEntity } from '../entities/index.js';
import { type PlanLine, planProblem } from '../rules/plan.js';
import { ITEM_KEEPERS } from './inspection-items.js';

/**
 * 年度检查计划 Sets an agency's plan for a year, replacing the previous one (its head or the administrator). Each
 * line names an item of the agency's own list, current or retired during the year.
 */
export async function setInspectionPlan(
  ctx: Context,
  agencyId: string,
  year: number,
  lines: PlanLine[],
): Promise<{ agencyId: string; year: number }> {
  const agency = requireId('agency', agencyId);
  assertCanWrite(ctx.identity, agency, ITEM_KEEPERS);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'must be 2000…2100');
  if (lines.length > 500) throw badInput('lines', 'at most 500 lines');
  const clean = lines.map((l) => ({ itemId: requireId('lines.itemId', l.itemId), planned: l.planned }));
  const bad = planProblem(clean);
  if (bad) throw badInput('lines', bad);
  return ctx.em.transactional(async (tx) => {
    const own = await tx.count(InspectionItemEntity, { id: { $in: clean.map((l) => l.itemId) }, agencyId: agency });
    if (own !== clean.length) throw badInput('lines.itemId', "every item must be on the agency's own list");
    await tx.nativeDelete(PlanLineEntity, { agencyId: agency, year });
    for (const l of clean) tx.create(PlanLineEntity, { agencyId: agency, year, ...l, updatedBy: ctx.identity.sub! });
    return { agencyId: agency, year };
  });
}
