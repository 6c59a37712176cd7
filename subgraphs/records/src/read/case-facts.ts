import { type Context, isUuid, requireService } from '@tsp/shared';

import { CaseEntity } from '../entities/index.js';

/** 案件事实 What other subgraphs need of cases, by id (service callers only; unknown ids are left out). */
export async function caseFacts(ctx: Context, ids: readonly string[]) {
  requireService(ctx.identity);
  const rows = await ctx.em.find(CaseEntity, { id: { $in: ids.filter(isUuid).map((i) => i.toLowerCase()) } });
  return rows.map((c) => ({
    id: c.id,
    agencyId: c.agencyId,
    region: c.region,
    caseNumber: c.caseNumber,
    category: c.category,
    cause: c.cause,
    partyType: c.partyType,
    partyName: c.partyName,
    handlerIds: c.handlerIds,
    stage: c.stage,
    amountInvolved: c.amountInvolved,
    hearingHeld: c.hearingHeld,
    decided: c.decided,
  }));
}
