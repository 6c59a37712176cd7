import type { EntityManager } from '@mikro-orm/postgresql';
import { AGENCY_ROLES, badInput, forbidden, type Identity, requireUser, Role } from '@tsp/shared';

import { regionAgencies } from '../clients/personnel.js';
import { sourceRows } from '../clients/statistics.js';
import { monthsOf, type StatisticsTable, tabulate } from '../rules/statistics.js';
import { complaintRows } from './statistics-rows.js';

export interface EnforcementStatistics extends StatisticsTable {
  region: string;
  year: number;
  from: string;
  to: string;
}

/**
 * Who reads a region's statistics, and how much: the region's SUPERVISOR (司法局) and ADMIN every agency; the
 * staff of an agency (OFFICER, LEGAL_REVIEWER, AGENCY_HEAD) their own agency's line only (the totals are then that
 * line's, and another region's figures are an empty table); integrators and another region's supervisor FORBIDDEN;
 * the public UNAUTHENTICATED. Answers the one agency to keep, or null for all.
 */
export function statisticsScope(id: Identity, region: string): string | null {
  requireUser(id);
  if (id.role === Role.ADMIN) return null;
  if (id.role === Role.SUPERVISOR) {
    if (id.region !== region) throw forbidden('you supervise another region / 非本区域');
    return null;
  }
  if (AGENCY_ROLES.includes(id.role) && id.agencyId) return id.agencyId;
  throw forbidden(`role ${id.role} may not read enforcement statistics / 无权限`);
}

export function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'must be between 2000 and 2100');
}

/**
 * 行政执法统计 A region's figures of one calendar year (Asia/Shanghai): the agencies from personnel, the rows of
 * records, review, disclosure and inspection, and the bureau's complaints, all asked at once; one failing fails all.
 */
export async function enforcementStatistics(
  id: Identity,
  em: EntityManager,
  region: string,
  year: number,
): Promise<EnforcementStatistics> {
  const only = statisticsScope(id, region);
  requireYear(year);
  if (!region.trim()) throw badInput('region', 'must not be empty');
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const [agencies, remote, complaints] = await Promise.all([
    regionAgencies(region),
    sourceRows(region, from, to),
    complaintRows(em, region, from, to),
  ]);
  const keep = (agencyId: string) => only === null || agencyId === only;
  const table = tabulate(
    agencies.filter((a) => a.region === region && keep(a.id)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [...remote, ...complaints].filter((r) => keep(r.agencyId)),
    monthsOf(year),
  );
  return { region, year, from, to, ...table };
}
