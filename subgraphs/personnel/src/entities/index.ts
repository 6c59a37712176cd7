import { AgencyEntity } from './agency.js';
import { CredentialEntity, CredentialStatusChangeEntity } from './credential.js';
import { RectificationNoticeEntity } from './notice.js';
import { OfficerEntity } from './officer.js';
import { TrainingRecordEntity } from './training.js';
import { OfficerTransferEntity } from './transfer.js';

export {
  AgencyEntity,
  CredentialEntity,
  CredentialStatusChangeEntity,
  OfficerEntity,
  OfficerTransferEntity,
  RectificationNoticeEntity,
  TrainingRecordEntity,
};
export const entities = [
  AgencyEntity,
  OfficerEntity,
  CredentialEntity,
  CredentialStatusChangeEntity,
  TrainingRecordEntity,
  RectificationNoticeEntity,
  OfficerTransferEntity,
];
