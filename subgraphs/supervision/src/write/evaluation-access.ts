import { AGENCY_ROLES, forbidden, type Identity, notFound, requireUser, Role } from '@tsp/shared';

/** 司法局 The bureau plans, assigns and reads the evaluations of its region; ADMIN everywhere. */
export function isBureauOfRegion(id: Identity, region: string): boolean {
  return id.role === Role.ADMIN || (id.role === Role.SUPERVISOR && id.region === region);
}

export function requireBureauOf(id: Identity, region: string): void {
  requireUser(id);
  if (!isBureauOfRegion(id, region))
    throw forbidden('only the justice bureau (司法局) of the region may do this / 仅本地区司法行政部门可以操作');
}

/** Staff of an agency (officers, legal reviewers, heads): evaluators, and the agencies whose files were evaluated. */
export function isAgencyStaff(id: Identity): boolean {
  return !!id.role && AGENCY_ROLES.includes(id.role);
}

/** A plan or evaluation the caller may not see answers NOT_FOUND, like an unknown one. */
export const hiddenPlan = (id: string) => notFound('case-file evaluation plan', id);
export const hiddenEvaluation = (id: string) => notFound('case-file evaluation', id);
