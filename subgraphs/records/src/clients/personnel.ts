import { InternalClient, type EnforcementCategory } from '@tsp/shared';
import type { CredentialCheck } from '../rules/credentials.js';

let client: InternalClient | undefined;
// Created lazily: the personnel URL comes from the environment, which tests set after start-up.
const personnel = () => (client ??= new InternalClient('records', 'personnel'));

/** Asks personnel whether each officer holds a credential valid for category, region and day. */
export async function credentialChecks(officerIds: string[], category: EnforcementCategory, region: string, day: string): Promise<CredentialCheck[]> {
  if (officerIds.length === 0) return [];
  const r = await personnel().request<{ credentialChecks: CredentialCheck[] }>(
    `query($o:[ID!]!,$c:EnforcementCategory!,$r:String!,$d:Date!){ credentialChecks(officerIds:$o, category:$c, region:$r, day:$d){ officerId agencyId officerName valid reason } }`,
    { o: officerIds, c: category, r: region, d: day },
  );
  return r.credentialChecks;
}

export interface AgencyFacts {
  id: string;
  name: string;
  region: string;
}

/** The agency's name and region (null if personnel does not know it). */
export async function agencyFacts(agencyId: string): Promise<AgencyFacts | null> {
  const r = await personnel().request<{ agencyFacts: AgencyFacts[] }>(`query($i:[ID!]!){ agencyFacts(ids:$i){ id name region } }`, { i: [agencyId] });
  return r.agencyFacts[0] ?? null;
}

