import { type Context, requireRole, requireText, Role } from '@tsp/shared';

import { AgencyEntity } from '../entities/index.js';
import type { AgencyKind } from '../rules/kinds.js';

export interface CreateAgencyInputLike {
  code: string;
  name: string;
  kind: AgencyKind;
  region: string;
  isSupervisor: boolean;
  legalOfficeName: string;
}

/** 新建执法主体 Creates an agency (ADMIN). */
export async function createAgency(ctx: Context, input: CreateAgencyInputLike): Promise<AgencyEntity> {
  requireRole(ctx.identity, Role.ADMIN);
  const a = ctx.em.create(AgencyEntity, {
    code: requireText('code', input.code, 40),
    name: requireText('name', input.name, 100),
    kind: input.kind,
    region: requireText('region', input.region, 100),
    isSupervisor: input.isSupervisor,
    legalOfficeName: requireText('legalOfficeName', input.legalOfficeName, 100),
  });
  await ctx.em.flush();
  return a;
}
