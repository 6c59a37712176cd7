import {
  alignMany,
  canRead,
  type Context,
  countFindings,
  type Finding,
  type FindingCount,
  loadCalendar,
  requireFindingsCaller,
  shanghaiDate,
  type SummaryKey,
} from '@tsp/shared';

import type { Visit } from '../rules/caps.js';
import { type InspectionFact, inspectionFindings } from '../rules/findings.js';
import type { InspectionKind, InspectionStatus } from '../rules/kinds.js';
import { capsOfRegions } from './caps.js';

interface Row {
  id: string;
  agency_id: string;
  region: string;
  partner_agency_ids: string[];
  kind: InspectionKind;
  status: InspectionStatus;
  approved_at: Date | null;
  started_at: Date;
  started_on: string;
  enterprise_ids: string[];
  items: { itemId: string; agencyId: string; retiredAt: string | null }[];
  ratings: { enterpriseId: string; score: number; ratedAt: string }[] | null;
}

/** The started inspections of several agencies (as lead), with their items and ratings: one statement. */
const STARTED = `
  select i.id, i.agency_id, i.region, i.partner_agency_ids, i.kind, i.status, i.approved_at, i.started_at,
         to_char(i.started_on, 'YYYY-MM-DD') as started_on,
         (select array_agg(t.enterprise_id) from inspection.inspection_target t where t.inspection_id = i.id)
           as enterprise_ids,
         (select coalesce(json_agg(json_build_object('itemId', s.item_id, 'agencyId', it.agency_id,
                  'retiredAt', (select min(r.changed_at) from inspection.inspection_item_revision r
                                 where r.item_id = s.item_id and r.action = 'RETIRED'))), '[]')
            from inspection.inspection_scope s join inspection.inspection_item it on it.id = s.item_id
           where s.inspection_id = i.id) as items,
         (select json_agg(json_build_object('enterpriseId', t.enterprise_id, 'score', t.score, 'ratedAt', t.rated_at))
            from inspection.inspection_target t where t.inspection_id = i.id and t.score is not null) as ratings
    from inspection.inspection i
   where i.agency_id = any(?::uuid[]) and i.started_at is not null
   order by i.started_at, i.id`;

/** Every started visit to these enterprises, by any agency: what the caps and the joint-visit finding count. */
const VISITS = `
  select t.inspection_id, t.enterprise_id, i.agency_id, i.partner_agency_ids, i.kind, i.started_at,
         to_char(i.started_on, 'YYYY-MM-DD') as day
    from inspection.inspection_target t join inspection.inspection i on i.id = t.inspection_id
   where t.enterprise_id = any(?::uuid[]) and i.started_at is not null`;

function fact(r: Row): InspectionFact {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyIds: [r.agency_id, ...(r.partner_agency_ids ?? [])],
    kind: r.kind,
    status: r.status,
    approvedAt: r.approved_at ? new Date(r.approved_at) : null,
    startedAt: new Date(r.started_at),
    startedOn: r.started_on,
    enterpriseIds: r.enterprise_ids ?? [],
    items: r.items.map((x) => ({ ...x, retiredAt: x.retiredAt ? new Date(x.retiredAt) : null })),
    ratings: (r.ratings ?? []).map((x) => ({ ...x, ratedAt: new Date(x.ratedAt) })),
  };
}

/** 涉企检查监督发现 One agency's inspection findings for this caller (the Agency field and the summary). */
export async function agencyInspectionFindings(ctx: Context, a: { id: string }): Promise<Finding[]> {
  requireFindingsCaller(ctx.identity);
  const today = shanghaiDate();
  return ctx.loaders
    .get<string, Finding[]>(`inspectionFindings:${today}`, async (agencyIds) => {
      const rows: Row[] = (await ctx.em.execute<Row[]>(STARTED, [`{${agencyIds.join(',')}}`])).filter((r) =>
        canRead(ctx.identity, { agencyId: r.agency_id, region: r.region }),
      );
      if (!rows.length) return agencyIds.map(() => []);
      const enterpriseIds = [...new Set(rows.flatMap((r) => r.enterprise_ids ?? []))];
      const [visitRows, cal] = await Promise.all([
        ctx.em.execute<(Omit<Row, 'started_on'> & { inspection_id: string; enterprise_id: string; day: string })[]>(
          VISITS,
          [`{${enterpriseIds.join(',')}}`],
        ),
        loadCalendar(ctx.em),
      ]);
      const visits: (Visit & { startedAt: Date })[] = visitRows.map((v) => ({
        inspectionId: v.inspection_id,
        enterpriseId: v.enterprise_id,
        agencyIds: [v.agency_id, ...(v.partner_agency_ids ?? [])],
        kind: v.kind,
        day: v.day,
        startedAt: new Date(v.started_at),
      }));
      const regions = [...new Set(rows.map((r) => r.region))];
      const caps = await capsOfRegions(ctx.em, regions);
      const findings = regions.flatMap((region) =>
        inspectionFindings({
          inspections: rows.filter((r) => r.region === region).map(fact),
          visits,
          caps: caps.get(region)!,
          cal,
          today,
        }),
      );
      return alignMany(agencyIds, findings, (f) => f.agency.id);
    })
    .load(a.id);
}

/** This subgraph's part of supervisionSummary: its findings counted per kind and category. */
export async function agencyInspectionFindingCounts(ctx: Context, s: SummaryKey): Promise<FindingCount[]> {
  return countFindings(await agencyInspectionFindings(ctx, { id: s.agencyId }), s.from, s.to);
}
