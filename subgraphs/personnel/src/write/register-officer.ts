import { assertCanWrite, badInput, type Context, optionalText, requireNonEmpty, requireText, Role } from '@tsp/shared';

import { OfficerEntity } from '../entities/index.js';
import { agencyOrThrow } from '../read/access.js';
import type { OfficerRole } from '../rules/kinds.js';
import { idNumberProblem } from '../rules/officers.js';

export interface RegisterOfficerInputLike {
  agencyId: string;
  name: string;
  position: string;
  roles: OfficerRole[];
  legalProfessionQualified: boolean;
  idNumber?: string | null;
  phone?: string | null;
}

/** 登记执法人员 Registers an officer in an agency (ADMIN, or AGENCY_HEAD of that agency). */
export async function registerOfficer(ctx: Context, input: RegisterOfficerInputLike): Promise<OfficerEntity> {
  const agency = await agencyOrThrow(ctx, input.agencyId);
  assertCanWrite(ctx.identity, agency.id, [Role.ADMIN, Role.AGENCY_HEAD]);
  const idNumber = optionalText('idNumber', input.idNumber, 18);
  const idProblem = idNumber ? idNumberProblem(idNumber) : null;
  if (idProblem) throw badInput('idNumber', idProblem);
  const o = ctx.em.create(OfficerEntity, {
    agencyId: agency.id,
    name: requireText('name', input.name, 50),
    position: requireText('position', input.position, 50),
    roles: requireNonEmpty('roles', input.roles, 2),
    legalProfessionQualified: input.legalProfessionQualified,
    idNumber,
    phone: optionalText('phone', input.phone, 20),
  });
  await ctx.em.flush();
  return o;
}
