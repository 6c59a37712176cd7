import { type Context, type EnforcementCategory, isUuid, requireDate, requireService } from '@tsp/shared';

import { AgencyEntity, CredentialEntity, OfficerEntity } from '../entities/index.js';
import { type Coverage, credentialCoverage } from '../rules/credentials.js';
import { load } from './loaders.js';

/** 持证核查 For each officer asked: who and where, and whether a valid credential covers the action. */
export interface CredentialCheckRow extends Coverage {
  officerId: string;
  agencyId: string | null;
  officerName: string | null;
}

/** 内部：机关事实 What other subgraphs need of an agency. */
export interface AgencyFactsRow {
  id: string;
  name: string;
  region: string;
  enforcementOfficers: number;
}

/** Other subgraphs (service token) ask whether each officer may act in `category`, `region` on `day`. */
export async function credentialChecks(
  ctx: Context,
  officerIds: string[],
  need: { category: EnforcementCategory; region: string; day: string },
): Promise<CredentialCheckRow[]> {
  requireService(ctx.identity);
  requireDate('day', need.day);
  const ids = officerIds.filter(isUuid);
  const [officers, creds] = await Promise.all([
    ctx.em.find(OfficerEntity, { id: { $in: ids } }),
    ctx.em.find(CredentialEntity, { officerId: { $in: ids } }),
  ]);
  return officerIds.map((id) => {
    const o = officers.find((x) => x.id === id);
    if (!o)
      return {
        officerId: id,
        agencyId: null,
        officerName: null,
        valid: false,
        reason: 'no such officer / 无此人员',
        credentialNumber: null,
      };
    const cov = credentialCoverage(
      creds.filter((c) => c.officerId === id),
      need,
    );
    return { officerId: id, agencyId: o.agencyId, officerName: o.name, ...cov };
  });
}

/** 内部：人员事实 Officers by id, for other subgraphs (service token). */
export function officerFacts(ctx: Context, ids: string[]): Promise<OfficerEntity[]> {
  requireService(ctx.identity);
  return ctx.em.find(OfficerEntity, { id: { $in: ids.filter(isUuid) } });
}

/** 内部：机关事实 Agencies by id (all when `ids` is empty), for other subgraphs (service token). */
export async function agencyFacts(ctx: Context, ids: string[]): Promise<AgencyFactsRow[]> {
  requireService(ctx.identity);
  const agencies = await ctx.em.find(AgencyEntity, ids.length ? { id: { $in: ids.filter(isUuid) } } : {});
  const staffing = await load.staffing(ctx).loadMany(agencies.map((a) => a.id));
  return agencies.map((a, i) => {
    const s = staffing[i];
    return {
      id: a.id,
      name: a.name,
      region: a.region,
      enforcementOfficers: s instanceof Error ? 0 : s.enforcementOfficers,
    };
  });
}
