import {
  alignMany,
  canRead,
  type Context,
  countFindings,
  type Finding,
  type FindingCount,
  requireFindingsCaller,
  shanghaiDate,
  type SummaryKey,
} from '@tsp/shared';

import { type ComplaintFact, complaintFindings } from '../rules/findings.js';
import type { ComplaintStatus } from '../rules/kinds.js';
import { caseFileFindings } from './evaluation-findings.js';
import { instrumentResponseFindings } from './instrument-findings.js';

interface Row {
  id: string;
  agency_id: string;
  region: string;
  status: ComplaintStatus;
  due_on: string | null;
  reopen_count: number;
  first_reopened_at: Date | null;
}

/** Complaints that can be findings (assigned, or ever reopened) of several agencies: one statement. */
const CANDIDATES = `
  select c.id, c.agency_id, c.region, c.status, to_char(c.due_on, 'YYYY-MM-DD') as due_on, c.reopen_count,
         c.first_reopened_at
    from supervision.complaint c
   where c.agency_id = any(?::uuid[]) and (c.status = 'ASSIGNED' or c.reopen_count > 0)
   order by c.submitted_at, c.id`;

const fact = (r: Row): ComplaintFact => ({
  id: r.id,
  agencyId: r.agency_id,
  status: r.status,
  dueOn: r.due_on,
  reopenCount: r.reopen_count,
  firstReopenedAt: r.first_reopened_at ? new Date(r.first_reopened_at) : null,
});

/** 监督发现 One agency's complaint, case-file and instrument findings for this caller (Agency field, summary). */
export async function agencySupervisionFindings(ctx: Context, a: { id: string }): Promise<Finding[]> {
  requireFindingsCaller(ctx.identity);
  const today = shanghaiDate();
  return ctx.loaders
    .get<string, Finding[]>(`supervisionFindings:${today}`, async (agencyIds) => {
      const rows = (await ctx.em.execute<Row[]>(CANDIDATES, [`{${agencyIds.join(',')}}`])).filter((r) =>
        canRead(ctx.identity, { agencyId: r.agency_id, region: r.region }),
      );
      const found = [
        ...complaintFindings(rows.map(fact), today),
        ...(await caseFileFindings(ctx, agencyIds)),
        ...(await instrumentResponseFindings(ctx, agencyIds, today)),
      ];
      return alignMany(agencyIds, found, (f) => f.agency.id);
    })
    .load(a.id);
}

/** This subgraph's part of supervisionSummary: its findings counted per kind. */
export async function agencySupervisionFindingCounts(ctx: Context, s: SummaryKey): Promise<FindingCount[]> {
  return countFindings(await agencySupervisionFindings(ctx, { id: s.agencyId }), s.from, s.to);
}
