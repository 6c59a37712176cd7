import {
  type CaseFileEvaluatedPayload,
  CaseFileEvaluatedPayloadSchema,
  type EntityManager,
  publishEvent,
} from '@tsp/shared';

import type { CaseFileEvaluationEntity } from '../entities/index.js';

/** Publishes a scored case file in the transaction of the score: grade and points, never the evaluator or comments. */
export function publishCaseFileEvaluated(em: EntityManager, e: CaseFileEvaluationEntity) {
  const payload: CaseFileEvaluatedPayload = CaseFileEvaluatedPayloadSchema.parse({
    evaluationId: e.id,
    planId: e.planId,
    agencyId: e.agencyId,
    caseId: e.caseId,
    category: e.category,
    total: Number(e.total),
    vetoFailed: e.vetoFailed,
    grade: e.grade,
    scoredAt: e.scoredAt?.toISOString(),
  });
  return publishEvent(em, 'supervision', {
    type: 'CaseFileEvaluated',
    agencyId: e.agencyId,
    region: e.region,
    subjectId: e.id,
    payload,
  });
}
