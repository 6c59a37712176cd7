import { AGENCY_ROLES, badInput, conflict, type Context, reloaded, requireRole, requireText, Role } from '@tsp/shared';

import { EnterpriseEntity } from '../entities/index.js';
import { type EnterpriseView, enterpriseView } from '../read/enterprises.js';
import { creditCodeProblem, normaliseCreditCode } from '../rules/credit-code.js';

/**
 * Who registers enterprises: any agency's staff, who meet them first (an inspection names them), and the
 * administrator. An enterprise belongs to no agency: every agency that inspects it uses the same row, so
 * visits can later be counted per enterprise across agencies (国办发〔2024〕54号 on frequency).
 */
export const ENTERPRISE_REGISTRARS = [...AGENCY_ROLES, Role.ADMIN];

export interface EnterpriseInput {
  creditCode: string;
  name: string;
  region: string;
}

/** 企业登记 Registers an enterprise under its unified social credit code; a code already registered is CONFLICT. */
export async function registerEnterprise(ctx: Context, input: EnterpriseInput): Promise<EnterpriseView> {
  requireRole(ctx.identity, ...ENTERPRISE_REGISTRARS);
  const creditCode = normaliseCreditCode(requireText('creditCode', input.creditCode, 40));
  const problem = creditCodeProblem(creditCode);
  if (problem) throw badInput('creditCode', problem);
  const name = requireText('name', input.name, 200);
  const region = requireText('region', input.region, 100);
  const existing = await ctx.em.findOne(EnterpriseEntity, { creditCode });
  if (existing)
    throw conflict(`creditCode: ${creditCode} is already registered / 该统一社会信用代码已登记`, {
      field: 'creditCode',
      id: existing.id,
    });
  const e = ctx.em.create(EnterpriseEntity, {
    creditCode,
    name,
    region,
    registeredBy: ctx.identity.sub,
    registeredByAgencyId: ctx.identity.role === Role.ADMIN ? null : (ctx.identity.agencyId ?? null),
  });
  // A racing registration of the same code fails on the unique index and is answered CONFLICT (formatError).
  await ctx.em.flush();
  return enterpriseView(e);
}

/** A repeated Idempotency-Key answers with the enterprise, read again. */
export const enterpriseReplay = reloaded(async (ctx, id) =>
  enterpriseView(await ctx.em.findOneOrFail(EnterpriseEntity, { id })),
);
