import { type Context, type Finding, requireFindingsCaller, shanghaiDate } from '@tsp/shared';

import type { AgencyEntity } from '../entities/index.js';
import { personnelFindings } from '../rules/findings.js';
import { mayReadAgency } from './access.js';
import { load } from './loaders.js';

/** 人员监督发现 One agency's personnel findings for this caller (the Agency field and the supervision summary). */
export async function agencyPersonnelFindings(ctx: Context, a: AgencyEntity): Promise<Finding[]> {
  requireFindingsCaller(ctx.identity);
  if (!mayReadAgency(ctx, a)) return [];
  const today = shanghaiDate();
  const lastYear = Number(today.slice(0, 4)) - 1;
  const [staffing, facts] = await Promise.all([
    load.staffing(ctx).load(a.id),
    load.findingFacts(ctx, lastYear).load(a.id),
  ]);
  const findings = personnelFindings({ agencyId: a.id, staffing, ...facts, today, now: new Date() });
  // Inside this subgraph the finding's Agency is resolved here, so hand over the full row.
  return findings.map((f) => ({ ...f, agency: a }));
}
