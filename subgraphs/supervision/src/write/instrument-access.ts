import {
  AGENCY_ROLES,
  type AgencyFacts,
  badInput,
  forbidden,
  type Identity,
  isUuid,
  notFound,
  requireUser,
  Role,
} from '@tsp/shared';

import { agencyFacts } from '../clients/personnel.js';
import { isBureauOf } from './access.js';

/** Staff of the agency an instrument is addressed to (officers, legal reviewers, the head) read it. */
export function isStaffOf(id: Identity, row: { agencyId: string }): boolean {
  return !!id.role && AGENCY_ROLES.includes(id.role) && id.agencyId === row.agencyId;
}

/** The agency's head answers for it (responds to instruments, reads interview records). */
export function isHeadOf(id: Identity, row: { agencyId: string }): boolean {
  return id.role === Role.AGENCY_HEAD && id.agencyId === row.agencyId;
}

/** Whether the bureau addressed an agency, or interviewed it, is not for anyone else to learn: unknown and hidden. */
export const hiddenInstrument = (id: string) => notFound('supervision instrument', id);
export const hiddenInterview = (id: string) => notFound('supervision interview', id);

/**
 * The agency the bureau acts on, asked of personnel (failing closed): unknown is BAD_USER_INPUT on `field`; one of
 * another region FORBIDDEN. The caller must be a SUPERVISOR or ADMIN.
 */
export async function bureauAgency(identity: Identity, agencyId: string, field = 'agencyId'): Promise<AgencyFacts> {
  requireUser(identity);
  if (identity.role !== Role.SUPERVISOR && identity.role !== Role.ADMIN)
    throw forbidden('only the justice bureau (司法局) may do this / 仅司法行政部门可以操作');
  if (!isUuid(agencyId ?? '')) throw badInput(field, 'not an id');
  const [agency] = await agencyFacts([agencyId.toLowerCase()]);
  if (!agency) throw badInput(field, 'no such agency');
  if (!isBureauOf(identity, agency)) throw forbidden('this agency is outside your region / 不在监督区域内');
  return agency;
}
