import type { Context, EnforcementCategory } from '@tsp/shared';

import { type FlowchartView, flowchartView } from '../read/listings.js';
import type { ProcessStep } from '../rules/flowchart.js';
import { ListingKind } from '../rules/kinds.js';
import { cleanSteps, type ProcessData } from '../rules/listings.js';
import { listWriter } from './listings.js';
import { saveListing } from './save-listing.js';

/** 执法流程 Configures the process steps of a category; the flowchart is drawn from them. */
export async function setProcessSteps(
  ctx: Context,
  agencyId: string,
  category: EnforcementCategory,
  steps: readonly ProcessStep[],
): Promise<FlowchartView> {
  const a = listWriter(ctx, agencyId);
  const data: ProcessData = { category, steps: cleanSteps(steps.map((s) => ({ ...s }))) };
  const saved = await saveListing(ctx.em, {
    agencyId: a,
    kind: ListingKind.PROCESS,
    key: category,
    data,
    actor: ctx.identity.sub!,
  });
  return flowchartView(a, category, saved);
}
