import { type AgencyFacts, type CredentialCheck, type EnforcementCategory, personnelClient } from '@tsp/shared';

export type { AgencyFacts };

const personnel = personnelClient('records');

/** Asks personnel whether each officer holds a credential valid for category, region and day. */
export function credentialChecks(
  officerIds: string[],
  category: EnforcementCategory,
  region: string,
  day: string,
): Promise<CredentialCheck[]> {
  return personnel.credentialChecks(officerIds, category, region, day);
}

/** The agency's name and region (null if personnel does not know it). */
export async function agencyFacts(agencyId: string): Promise<AgencyFacts | null> {
  return (await personnel.agencyFacts([agencyId])).find((a) => a.id === agencyId) ?? null;
}
