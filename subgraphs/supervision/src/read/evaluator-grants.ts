import { type Context, requireId, requireService } from '@tsp/shared';

import { CaseFileEvaluationEntity } from '../entities/index.js';
import { EvaluationStatus } from '../rules/evaluation-kinds.js';

/**
 * The cases an evaluator from another agency may open in records: those assigned to them and not yet scored. A
 * scored file is final, so the grant ends with the score; the bureau reads the case by its own scope.
 */
export async function evaluatorCaseGrants(ctx: Context, officerId: string): Promise<string[]> {
  requireService(ctx.identity);
  const rows = await ctx.em.find(
    CaseFileEvaluationEntity,
    { evaluatorId: requireId('officerId', officerId), status: EvaluationStatus.ASSIGNED },
    { fields: ['caseId'], orderBy: { caseId: 'asc' } },
  );
  return [...new Set(rows.map((r) => r.caseId))];
}
