import { type AgencyFacts, type CredentialCheck, EnforcementCategory, personnelClient } from '@tsp/shared';

const personnel = personnelClient('inspection');

/** Whether each officer holds a credential valid for inspections in the region on the day (fail closed). */
export function inspectionCredentials(officerIds: string[], region: string, day: string): Promise<CredentialCheck[]> {
  return personnel.credentialChecks(officerIds, EnforcementCategory.INSPECTION, region, day);
}

/** Agencies by id (unknown ids are left out). */
export function agencyFacts(ids: string[]): Promise<AgencyFacts[]> {
  return personnel.agencyFacts(ids);
}
