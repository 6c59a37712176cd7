import { subgraphUrl } from '../config.js';
import { InternalClient } from './client.js';
import type { OfficerAgencySource } from '../identity/current-agency.js';

/**
 * Asks personnel where officers belong now, in one call for many ids. It uses personnel's existing
 * internal `officerFacts(ids)` (already @inaccessible and service-only) rather than a new query, so
 * the supergraph does not change for this.
 */
export function officerAgenciesFromPersonnel(from: string): OfficerAgencySource {
  let client: InternalClient | undefined;
  let clientUrl: string | undefined;
  // Created lazily and renewed when PERSONNEL_URL changes: tests set it after the subgraphs start.
  const personnel = () => {
    const url = subgraphUrl('personnel');
    if (!client || url !== clientUrl) {
      client = new InternalClient(from, 'personnel');
      clientUrl = url;
    }
    return client;
  };
  return async (ids) => {
    const r = await personnel().request<{ officerFacts: { id: string; agencyId: string }[] }>(
      `query($ids: [ID!]!) { officerFacts(ids: $ids) { id agencyId } }`,
      { ids },
    );
    return new Map(r.officerFacts.map((o) => [o.id.toLowerCase(), o.agencyId]));
  };
}
