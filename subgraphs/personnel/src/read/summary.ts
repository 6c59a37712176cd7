import {
  authorizeSummary,
  badInput,
  type Context,
  countFindings,
  forbidden,
  requireRole,
  Role,
  type SummaryKey,
} from '@tsp/shared';

import { AgencyEntity } from '../entities/index.js';
import { periodProblem } from '../rules/supervision.js';
import { agencyOrThrow } from './access.js';
import { agencyPersonnelFindings } from './findings.js';

/**
 * 监督统计 One key per agency of the region for the period; each subgraph adds its counts
 * (SUPERVISOR of the region, ADMIN).
 */
export async function supervisionSummary(
  ctx: Context,
  region: string,
  from: string,
  to: string,
): Promise<SummaryKey[]> {
  requireRole(ctx.identity, Role.SUPERVISOR, Role.ADMIN);
  if (ctx.identity.role === Role.SUPERVISOR && ctx.identity.region !== region)
    throw forbidden('you supervise another region');
  const problem = periodProblem(from, to);
  if (problem) throw badInput('from', problem);
  const agencies = await ctx.em.find(AgencyEntity, { region }, { orderBy: { code: 'asc' } });
  return agencies.map((a) => ({ agencyId: a.id, region: a.region, from, to }));
}

/** 人员部分 The agency's personnel findings in the summary's period, counted per kind. */
export async function summaryPersonnel(ctx: Context, s: SummaryKey) {
  const a = await agencyOrThrow(ctx, s.agencyId);
  return countFindings(await agencyPersonnelFindings(ctx, a), s.from, s.to);
}

/** Authorizes a summary reference: the supervisor of the agency's region, or ADMIN. */
export function summaryReference(ref: SummaryKey, ctx: Context) {
  return authorizeSummary(ctx.identity, ref);
}
