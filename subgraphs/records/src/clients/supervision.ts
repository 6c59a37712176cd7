import { AGENCY_ROLES, type Identity, isUuid, supervisionClient } from '@tsp/shared';

const supervision = supervisionClient('records');

/**
 * 案卷评查 The cases of other agencies this caller was assigned by the bureau to evaluate and has not scored yet;
 * none for anyone but agency staff whose subject is an officer id (the bureau reads its region by its own scope).
 */
export async function evaluationGrants(id: Identity): Promise<ReadonlySet<string>> {
  if (!id.sub || !isUuid(id.sub) || !id.role || !AGENCY_ROLES.includes(id.role)) return new Set();
  return new Set(await supervision.evaluatorCaseGrants(id.sub));
}
