import { ComplaintEntity, ComplaintStepEntity } from './complaint.js';
import { CaseFileEvaluationEntity, EvaluationPlanEntity, EvaluationTemplateEntity } from './evaluation.js';

export {
  CaseFileEvaluationEntity,
  ComplaintEntity,
  ComplaintStepEntity,
  EvaluationPlanEntity,
  EvaluationTemplateEntity,
};
export const entities = [
  ComplaintEntity,
  ComplaintStepEntity,
  EvaluationTemplateEntity,
  EvaluationPlanEntity,
  CaseFileEvaluationEntity,
];
