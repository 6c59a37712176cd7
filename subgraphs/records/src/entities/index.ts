import { CaseEntity, DeadlineExtensionEntity } from './case.js';
import { DecisionChallengeEntity } from './challenge.js';
import { DecisionEntity } from './decision.js';
import { AttachmentEntity, RecordEntryEntity } from './entry.js';
import { HearingEntity, PriorNoticeEntity, ProcedureSettingsEntity } from './procedure.js';
import { AudioVisualListEntity, CaseFileRequirementEntity } from './settings.js';

export {
  AttachmentEntity,
  AudioVisualListEntity,
  CaseEntity,
  CaseFileRequirementEntity,
  DeadlineExtensionEntity,
  DecisionChallengeEntity,
  DecisionEntity,
  HearingEntity,
  PriorNoticeEntity,
  ProcedureSettingsEntity,
  RecordEntryEntity,
};
export const entities = [
  CaseEntity,
  DeadlineExtensionEntity,
  RecordEntryEntity,
  AttachmentEntity,
  DecisionEntity,
  AudioVisualListEntity,
  CaseFileRequirementEntity,
  PriorNoticeEntity,
  HearingEntity,
  ProcedureSettingsEntity,
  DecisionChallengeEntity,
];
