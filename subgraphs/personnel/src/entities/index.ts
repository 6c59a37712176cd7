import { AgencyEntity } from './agency.js';
import { OfficerEntity } from './officer.js';
import { CredentialEntity, CredentialStatusChangeEntity } from './credential.js';
import { TrainingRecordEntity } from './training.js';
import { RectificationNoticeEntity } from './notice.js';
import { OfficerTransferEntity } from './transfer.js';

export { AgencyEntity, OfficerEntity, CredentialEntity, CredentialStatusChangeEntity, TrainingRecordEntity, RectificationNoticeEntity, OfficerTransferEntity };
export const entities = [AgencyEntity, OfficerEntity, CredentialEntity, CredentialStatusChangeEntity, TrainingRecordEntity, RectificationNoticeEntity, OfficerTransferEntity];
