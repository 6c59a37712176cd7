import { badInput, type Context, requireId } from '@tsp/shared';

import { PlanLineEntity } from '../entities/index.js';
import { planProgress } from '../rules/plan.js';

/**
 * 年度检查计划执行 An agency's plan for a year against what was done (inspections of its items started that year,
 * whether it led them or joined them); public, as the plan itself is.
 */
export async function inspectionPlan(ctx: Context, agencyId: string, year: number) {
  const agency = requireId('agency', agencyId);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'must be 2000…2100');
  const [lines, done] = await Promise.all([
    ctx.em.find(PlanLineEntity, { agencyId: agency, year }, { orderBy: { itemId: 'asc' } }),
    ctx.em.execute<{ item_id: string; n: string }[]>(
      `select s.item_id, count(*) as n
         from inspection.inspection_scope s
         join inspection.inspection i on i.id = s.inspection_id
         join inspection.inspection_item it on it.id = s.item_id
        where it.agency_id = ? and i.started_on between ?::date and ?::date
        group by s.item_id`,
      [agency, `${year}-01-01`, `${year}-12-31`],
    ),
  ]);
  const progress = planProgress(
    lines.map((l) => ({ itemId: l.itemId, planned: l.planned })),
    new Map(done.map((d) => [d.item_id, Number(d.n)])),
  );
  return progress.map((p) => ({ ...p, item: { id: p.itemId } }));
}
