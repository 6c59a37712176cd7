import { CaseEntity, DeadlineExtensionEntity } from './case.js';
import { RecordEntryEntity, AttachmentEntity } from './entry.js';
import { DecisionEntity } from './decision.js';
import { AudioVisualListEntity, CaseFileRequirementEntity } from './settings.js';

export { CaseEntity, DeadlineExtensionEntity, RecordEntryEntity, AttachmentEntity, DecisionEntity, AudioVisualListEntity, CaseFileRequirementEntity };
export const entities = [CaseEntity, DeadlineExtensionEntity, RecordEntryEntity, AttachmentEntity, DecisionEntity, AudioVisualListEntity, CaseFileRequirementEntity];
