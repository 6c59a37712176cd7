import { type AgencyFacts, type OfficerFacts, personnelClient } from '@tsp/shared';

const personnel = personnelClient('supervision');

/** Agencies by id (unknown ids are left out); fails closed (DEPENDENCY_UNAVAILABLE). */
export function agencyFacts(ids: string[]): Promise<AgencyFacts[]> {
  return personnel.agencyFacts(ids);
}

/** Officers by id (unknown ids are left out); fails closed. */
export function officerFacts(ids: string[]): Promise<OfficerFacts[]> {
  return personnel.officerFacts(ids);
}

/** Every agency of a region, with its name; fails closed. */
export function regionAgencies(region: string): Promise<AgencyFacts[]> {
  return personnel.regionAgencies(region);
}
