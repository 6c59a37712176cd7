import { type Identity, PartyType, Role, type Scoped } from '@tsp/shared';

/**
 * 当事人个人信息 A party's ID number and contact details: only the owning agency's staff and
 * the supervisor of its region read them (and internal services). Admins and integrators, who
 * may read the case, do not.
 */
export function canReadPartyPrivate(id: Identity, c: Scoped): boolean {
  if (id.service) return true;
  switch (id.role) {
    case Role.OFFICER:
    case Role.LEGAL_REVIEWER:
    case Role.AGENCY_HEAD:
      return id.agencyId === c.agencyId;
    case Role.SUPERVISOR:
      return id.region === c.region;
    default:
      return false;
  }
}

/**
 * 未成年人 民法典 §17: a minor is a natural person under eighteen, so only a NATURAL_PERSON party can be one.
 * Returns why not, or null.
 */
export function minorPartyProblem(type: PartyType, isMinor: boolean): string | null {
  return isMinor && type !== PartyType.NATURAL_PERSON ? 'only a natural person can be a minor' : null;
}
