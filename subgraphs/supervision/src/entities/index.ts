import { ComplaintEntity, ComplaintStepEntity } from './complaint.js';
import { CaseFileEvaluationEntity, EvaluationPlanEntity, EvaluationTemplateEntity } from './evaluation.js';
import { SupervisionInstrumentEntity, SupervisionInstrumentStepEntity } from './instrument.js';
import { SupervisionInterviewEntity } from './interview.js';
import { SupervisionNoticeEntity } from './notice.js';

export {
  CaseFileEvaluationEntity,
  ComplaintEntity,
  ComplaintStepEntity,
  EvaluationPlanEntity,
  EvaluationTemplateEntity,
  SupervisionInstrumentEntity,
  SupervisionInstrumentStepEntity,
  SupervisionInterviewEntity,
  SupervisionNoticeEntity,
};
export const entities = [
  ComplaintEntity,
  ComplaintStepEntity,
  EvaluationTemplateEntity,
  EvaluationPlanEntity,
  CaseFileEvaluationEntity,
  SupervisionInstrumentEntity,
  SupervisionInstrumentStepEntity,
  SupervisionInterviewEntity,
  SupervisionNoticeEntity,
];
