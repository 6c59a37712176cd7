import { LockMode } from '@mikro-orm/core';
import {
  AGENCY_ROLES,
  AppError,
  badInput,
  type Context,
  forbidden,
  optionalText,
  requireId,
  requireRole,
} from '@tsp/shared';

import { CaseFileEvaluationEntity, EvaluationPlanEntity, EvaluationTemplateEntity } from '../entities/index.js';
import { publishCaseFileEvaluated } from '../events/evaluation-events.js';
import { evaluatorProblem } from '../rules/cross-evaluation.js';
import { EvaluationStatus } from '../rules/evaluation-kinds.js';
import { type ItemScore, scoreSubmission } from '../rules/evaluation-score.js';
import { hiddenEvaluation } from './evaluation-access.js';

export interface ScoreCaseFile {
  evaluationId: string;
  items: { code: string; points?: number | null; vetoFailed?: boolean | null; comment?: string | null }[];
  comment?: string | null;
}

/**
 * 评分 The assigned evaluator (token subject = the officer) scores every item of the template; the total and grade
 * follow (rules/evaluation-score.ts). Final once submitted. Anyone else gets NOT_FOUND; an evaluator now of the
 * case's own agency is refused.
 */
export async function scoreCaseFile(ctx: Context, input: ScoreCaseFile): Promise<CaseFileEvaluationEntity> {
  requireRole(ctx.identity, ...AGENCY_ROLES);
  const id = requireId('case-file evaluation', input.evaluationId);
  const comment = optionalText('comment', input.comment, 2000);
  const given: ItemScore[] = (input.items ?? []).map((i) => ({
    code: (i.code ?? '').trim(),
    points: i.points ?? null,
    vetoFailed: i.vetoFailed ?? null,
    comment: optionalText('comment', i.comment, 1000),
  }));
  return ctx.em.transactional(async (tx) => {
    const e = await tx.findOne(CaseFileEvaluationEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!e || e.evaluatorId !== ctx.identity.sub) throw hiddenEvaluation(id);
    // The token's agency, not the one at assignment: an evaluator moved into the case's agency may not score it.
    if (evaluatorProblem({ agencyId: ctx.identity.agencyId ?? '', region: e.region }, e))
      throw forbidden('an evaluator never scores their own agency’s case file / 不得评查本机关案卷');
    if (e.status === EvaluationStatus.SCORED)
      throw new AppError('CONFLICT', 'the case file is already scored / 案卷已评查', { id: e.id, status: e.status });
    const plan = await tx.findOneOrFail(EvaluationPlanEntity, { id: e.planId });
    const template = await tx.findOneOrFail(EvaluationTemplateEntity, { id: plan.templateId });
    const scored = scoreSubmission(template.items, given);
    if ('field' in scored) throw badInput(scored.field, scored.message);
    e.items = scored.items;
    e.total = scored.total.toFixed(1);
    e.vetoFailed = scored.vetoFailed;
    e.grade = scored.grade;
    e.comment = comment;
    e.scoredAt = new Date();
    e.status = EvaluationStatus.SCORED;
    await tx.flush();
    await publishCaseFileEvaluated(tx, e);
    return e;
  });
}
