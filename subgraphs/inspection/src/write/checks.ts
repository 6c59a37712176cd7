import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput } from '@tsp/shared';

import { inspectionCredentials } from '../clients/personnel.js';
import { InspectionItemEntity, type TeamMember } from '../entities/index.js';
import { capBreaches, capMessage, countedDays, type FrequencyCaps, type Visit } from '../rules/caps.js';
import { agenciesWithoutOfficer, MIN_OFFICERS, teamProblems } from '../rules/officers.js';

/** The write-time rules as errors with their documented codes. */

/** 清单之外无检查 Every item is on the published list of the lead or a joint agency, now. */
export async function publishedItems(
  em: EntityManager,
  itemIds: readonly string[],
  agencyIds: readonly string[],
): Promise<InspectionItemEntity[]> {
  const items = await em.find(InspectionItemEntity, { id: { $in: [...itemIds] } });
  const missing = itemIds.filter((id) => {
    const it = items.find((x) => x.id === id);
    return !it || !it.active || !agencyIds.includes(it.agencyId);
  });
  if (missing.length)
    throw new AppError(
      'ITEM_NOT_PUBLISHED',
      `itemIds: not on the published inspection list of the inspecting agencies / 检查事项未在清单中公布: ${missing.join(', ')}`,
      { field: 'itemIds', itemIds: missing },
    );
  return items;
}

/**
 * Two or more officers of the inspecting agencies, each with a credential valid for inspections in the region on
 * the day, and at least one of each inspecting agency; personnel answers, and an officer it cannot confirm does not
 * count. Returns the team's public data.
 */
export async function checkedTeam(
  officerIds: string[],
  agencyIds: readonly string[],
  region: string,
  day: string,
): Promise<TeamMember[]> {
  const distinct = [...new Set(officerIds)];
  if (distinct.length < MIN_OFFICERS)
    throw new AppError('TWO_OFFICERS_REQUIRED', 'officerIds: at least two officers inspect / 检查人员不得少于两人', {
      field: 'officerIds',
    });
  const checks = await inspectionCredentials(distinct, region, day);
  const problems = teamProblems(
    distinct,
    checks.map((c) => ({ officerId: c.officerId, agencyId: c.agencyId, valid: c.valid, reason: c.reason })),
    agencyIds,
  );
  if (problems.length)
    throw new AppError('CREDENTIAL_INVALID', `officerIds: ${problems.join('; ')} / 执法人员须持有效执法证件`, {
      field: 'officerIds',
    });
  const team = distinct.map((id) => {
    const c = checks.find((x) => x.officerId === id)!;
    return { officerId: id, name: c.officerName ?? '', agencyId: c.agencyId!, credentialNumber: c.credentialNumber };
  });
  const absent = agenciesWithoutOfficer(team, agencyIds);
  if (absent.length)
    throw badInput(
      'officerIds',
      `every inspecting agency sends an officer / 联合检查各机关均须派员: none of ${absent.join(', ')}`,
    );
  return team;
}

interface VisitRow {
  inspection_id: string;
  enterprise_id: string;
  agency_id: string;
  partner_agency_ids: string[];
  kind: Visit['kind'];
  day: string;
  started_at: Date | null;
}

/**
 * The counted visits (approved or started, any agency) to these enterprises on the days `countedDays` names.
 * With `lock`, takes each enterprise's advisory lock first (in id order, so two checks never deadlock): two
 * approvals at once for one enterprise are counted one after the other, not both against the same past.
 */
export async function visitsOf(
  em: EntityManager,
  enterpriseIds: readonly string[],
  days: { from: string; to: string },
  lock: boolean,
): Promise<(Visit & { startedAt: Date | null })[]> {
  if (lock)
    for (const id of [...enterpriseIds].sort())
      await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`inspection.enterprise:${id}`]);
  const rows: VisitRow[] = await em.execute(
    `select t.inspection_id, t.enterprise_id, i.agency_id, i.partner_agency_ids, i.kind,
            to_char(coalesce(i.started_on, i.valid_from), 'YYYY-MM-DD') as day, i.started_at
       from inspection.inspection_target t join inspection.inspection i on i.id = t.inspection_id
      where t.enterprise_id = any(?::uuid[])
        and (i.started_at is not null or i.status = 'APPROVED')
        and coalesce(i.started_on, i.valid_from) between ?::date and ?::date`,
    [`{${enterpriseIds.join(',')}}`, days.from, days.to],
  );
  return rows.map((r) => ({
    inspectionId: r.inspection_id,
    enterpriseId: r.enterprise_id,
    agencyIds: [r.agency_id, ...(r.partner_agency_ids ?? [])],
    kind: r.kind,
    day: r.day,
    startedAt: r.started_at ? new Date(r.started_at) : null,
  }));
}

/** 检查频次 Refuses a visit on `day` that would break the region's caps for any of its enterprises. */
export async function assertWithinCaps(
  em: EntityManager,
  caps: FrequencyCaps,
  i: { id: string; agencyIds: string[]; kind: Visit['kind'] },
  enterpriseIds: readonly string[],
  day: string,
): Promise<void> {
  const others = await visitsOf(em, enterpriseIds, countedDays(day), true);
  const breaches = enterpriseIds.flatMap((enterpriseId) =>
    capBreaches(caps, { inspectionId: i.id, enterpriseId, agencyIds: i.agencyIds, kind: i.kind, day }, others),
  );
  if (breaches.length)
    throw new AppError('INSPECTION_CAP_EXCEEDED', capMessage(breaches), {
      field: 'enterpriseIds',
      breaches: breaches.map((b) => ({
        cap: b.cap,
        limit: b.limit,
        enterpriseId: b.enterpriseId,
        agencyId: b.agencyId,
        earlierInspectionIds: b.earlier.map((e) => e.inspectionId),
      })),
    });
}
