import { personnelClient } from '../clients/personnel.js';
import type { ServiceName } from '../config.js';
import type { OfficerAgencySource } from '../identity/current-agency.js';

/**
 * Asks personnel where officers belong now, in one call for many ids. It uses personnel's existing
 * internal `officerFacts(ids)` (already @inaccessible and service-only) rather than a new query, so
 * the supergraph does not change for this.
 */
export function officerAgenciesFromPersonnel(from: ServiceName): OfficerAgencySource {
  const personnel = personnelClient(from);
  return async (ids) => new Map((await personnel.officerFacts(ids)).map((o) => [o.id.toLowerCase(), o.agencyId]));
}
