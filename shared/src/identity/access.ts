import { forbidden, unauthenticated } from '../errors.js';
import { AGENCY_ROLES, type Identity, Role } from './roles.js';

/** What access checks need to know about a row: whose it is and where. */
export interface Scoped {
  agencyId: string;
  region: string;
}

export function requireUser(id: Identity): asserts id is Identity & { role: Role; sub: string } {
  if (!id.role) throw unauthenticated();
}

export function requireRole(id: Identity, ...roles: Role[]): asserts id is Identity & { role: Role; sub: string } {
  requireUser(id);
  if (!roles.includes(id.role))
    throw forbidden(`role ${id.role} may not do this; needs one of ${roles.join(', ')} / 无权限`);
}

export function requireService(id: Identity): void {
  if (!id.service) throw forbidden('internal operation: service callers only');
}

/** Read scope: own agency for agency roles, the region for supervisors, what the token names for integrators, all for admin. */
export function canRead(id: Identity, row: Scoped): boolean {
  if (id.service) return true;
  switch (id.role) {
    case Role.ADMIN:
      return true;
    case Role.SUPERVISOR:
      return id.region === row.region;
    case Role.INTEGRATOR:
      return (
        id.agencyId === row.agencyId ||
        !!id.agencyIds?.includes(row.agencyId) ||
        (!!id.region && id.region === row.region)
      );
    case Role.OFFICER:
    case Role.LEGAL_REVIEWER:
    case Role.AGENCY_HEAD:
      return id.agencyId === row.agencyId;
    default:
      return false;
  }
}

export function assertCanRead(id: Identity, row: Scoped, what = 'record'): void {
  requireUser(id);
  if (!canRead(id, row)) throw forbidden(`this ${what} belongs to another agency / 无权查看其他机关的数据`);
}

/** Write scope: only the agency's own staff in the given roles. Supervisors and integrators never write agency data. */
export function assertCanWrite(id: Identity, agencyId: string, roles: readonly Role[] = AGENCY_ROLES): void {
  requireUser(id);
  if (!roles.includes(id.role))
    throw forbidden(`role ${id.role} may not change this; needs one of ${roles.join(', ')} / 无权修改`);
  if (id.role !== Role.ADMIN && id.agencyId !== agencyId)
    throw forbidden('this belongs to another agency / 无权修改其他机关的数据');
}

/** SQL-friendly form of the read scope, for list queries: null = everything, [] = nothing. */
export function readFilter(id: Identity): { agencyIds?: string[]; region?: string } | null {
  if (id.service || id.role === Role.ADMIN) return null;
  if (id.role === Role.SUPERVISOR) return { region: id.region };
  if (id.role === Role.INTEGRATOR) {
    return { agencyIds: [...(id.agencyIds ?? []), ...(id.agencyId ? [id.agencyId] : [])], region: id.region };
  }
  if (id.role && AGENCY_ROLES.includes(id.role)) return { agencyIds: [id.agencyId!] };
  return { agencyIds: [] };
}

/**
 * Supervision findings, the same in every subgraph: the public is refused (an empty list would
 * read as "nothing wrong"); an authenticated caller outside the agency's scope gets an empty
 * list, so one query over many agencies still answers with what the caller may see.
 */
export function requireFindingsCaller(id: Identity): void {
  if (!id.service) requireUser(id);
}
