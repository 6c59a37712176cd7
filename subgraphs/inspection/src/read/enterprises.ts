import { badInput, type Context, isUuid, requireText, requireUser } from '@tsp/shared';

import { EnterpriseEntity } from '../entities/index.js';
import { creditCodeProblem, isIndividualBusiness, normaliseCreditCode } from '../rules/credit-code.js';
import { load } from './loaders.js';

/** An enterprise as served: its row, and whether its code marks an individual business. */
export interface EnterpriseView {
  id: string;
  creditCode: string;
  name: string;
  region: string;
  individualBusiness: boolean;
  registeredAt: Date;
}

export function enterpriseView(e: EnterpriseEntity): EnterpriseView {
  return {
    id: e.id,
    creditCode: e.creditCode,
    name: e.name,
    region: e.region,
    individualBusiness: isIndividualBusiness(e.creditCode),
    registeredAt: e.registeredAt,
  };
}

/**
 * Who reads the register: any signed-in caller (agency staff, supervisors, integrators) and services. The
 * public does not: the register says which businesses the agencies deal with, which is not published here.
 */
function requireRegisterReader(ctx: Context): void {
  if (!ctx.identity.service) requireUser(ctx.identity);
}

/** 按代码查企业 The enterprise registered under a code; null when none is; a code that cannot exist is refused. */
export async function enterpriseByCode(ctx: Context, creditCode: string): Promise<EnterpriseView | null> {
  requireRegisterReader(ctx);
  const code = normaliseCreditCode(requireText('creditCode', creditCode, 40));
  const problem = creditCodeProblem(code);
  if (problem) throw badInput('creditCode', problem);
  const e = await ctx.em.findOne(EnterpriseEntity, { creditCode: code });
  return e && enterpriseView(e);
}

/** An enterprise another subgraph refers to: null for the public or a malformed id (batched). */
export async function referencedEnterprise(ctx: Context, id: string): Promise<EnterpriseView | null> {
  if (!ctx.identity.service && !ctx.identity.role) return null;
  if (!isUuid(id)) return null;
  const e = await load.enterprise(ctx).load(id.toLowerCase());
  return e && enterpriseView(e);
}
