import { AgencyEntity } from './agency.js';
import { OfficerEntity } from './officer.js';
import { CredentialEntity, CredentialStatusChangeEntity } from './credential.js';
import { TrainingRecordEntity } from './training.js';

export { AgencyEntity, OfficerEntity, CredentialEntity, CredentialStatusChangeEntity, TrainingRecordEntity };
export const entities = [AgencyEntity, OfficerEntity, CredentialEntity, CredentialStatusChangeEntity, TrainingRecordEntity];
