import { LockMode } from '@mikro-orm/core';
import { AppError, badInput, type Context, requireId, requireUser } from '@tsp/shared';

import { agencyFacts, officerFacts } from '../clients/personnel.js';
import { CaseFileEvaluationEntity } from '../entities/index.js';
import { evaluatorProblem } from '../rules/cross-evaluation.js';
import { EvaluationStatus } from '../rules/evaluation-kinds.js';
import { hiddenEvaluation, isBureauOfRegion, requireBureauOf } from './evaluation-access.js';

/**
 * 指定评查人员 The bureau assigns a sampled case file to an officer of another agency of the region (交叉评查);
 * personnel says where the officer works (failing closed). A file may be reassigned until it is scored.
 */
export async function assignEvaluator(
  ctx: Context,
  planId: string,
  caseId: string,
  officerId: string,
): Promise<CaseFileEvaluationEntity> {
  requireUser(ctx.identity);
  const key = { planId: requireId('plan', planId), caseId: requireId('case', caseId) };
  const officer = requireId('officer', officerId);
  // Asked before the row is locked: personnel's answer does not depend on it, and a slow answer holds no lock.
  const [facts] = await officerFacts([officer]);
  const [agency] = facts ? await agencyFacts([facts.agencyId]) : [];
  return ctx.em.transactional(async (tx) => {
    const e = await tx.findOne(CaseFileEvaluationEntity, key, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!e || !isBureauOfRegion(ctx.identity, e.region)) throw hiddenEvaluation(caseId);
    requireBureauOf(ctx.identity, e.region);
    if (e.status === EvaluationStatus.SCORED)
      throw new AppError('CONFLICT', 'the case file is already scored / 案卷已评查', { id: e.id, status: e.status });
    const problem = evaluatorProblem(facts && agency ? { agencyId: facts.agencyId, region: agency.region } : null, e);
    if (problem) throw badInput('officerId', problem);
    e.evaluatorId = officer;
    e.evaluatorAgencyId = facts!.agencyId;
    e.assignedAt = new Date();
    e.status = EvaluationStatus.ASSIGNED;
    await tx.flush();
    return e;
  });
}
