import {
  canRead,
  type Context,
  countFindings,
  type Finding,
  type FindingCount,
  requireFindingsCaller,
  shanghaiDate,
  type SummaryKey,
} from '@tsp/shared';

import type { LegalReviewEntity, UnreviewedDecisionEntity } from '../entities/index.js';
import { reviewFindings } from '../rules/findings.js';
import { ReviewStatus } from '../rules/status.js';

type OverdueRow = Pick<
  LegalReviewEntity,
  'id' | 'agencyId' | 'region' | 'caseNumber' | 'category' | 'dueOn' | 'status'
>;
type UnreviewedRow = Pick<
  UnreviewedDecisionEntity,
  'caseId' | 'agencyId' | 'region' | 'caseNumber' | 'category' | 'decidedOn' | 'reasons' | 'seenAt'
>;

/** 法制审核监督发现 One agency's review findings for this caller (the Agency field and the supervision summary). */
export async function agencyReviewFindings(ctx: Context, a: { id: string }): Promise<Finding[]> {
  requireFindingsCaller(ctx.identity);
  const today = shanghaiDate();
  // Plain rows of the few columns the rules need: the region's findings ask for every agency of a region, and
  // building and hydrating entities was most of this subgraph's cost there.
  const [overdue, unreviewed] = await Promise.all([
    ctx.loaders
      .get<string, OverdueRow[]>(`overdueReviews:${today}`, async (ids) => {
        const rows = await ctx.em.execute<OverdueRow[]>(
          `select id, agency_id as "agencyId", region, case_number as "caseNumber", category,
                  to_char(due_on, 'YYYY-MM-DD') as "dueOn", status
             from review.legal_review
            where agency_id = any(?::uuid[]) and status in (?, ?) and due_on < ?::date order by due_on, id`,
          [`{${ids.join(',')}}`, ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW, today],
        );
        return ids.map((id) => rows.filter((r) => r.agencyId === id));
      })
      .load(a.id),
    ctx.loaders
      .get<string, UnreviewedRow[]>('unreviewedDecisions', async (ids) => {
        const rows = await ctx.em.execute<UnreviewedRow[]>(
          `select case_id as "caseId", agency_id as "agencyId", region, case_number as "caseNumber", category,
                  to_char(decided_on, 'YYYY-MM-DD') as "decidedOn", reasons, seen_at as "seenAt"
             from review.unreviewed_decision where agency_id = any(?::uuid[]) order by decided_on, case_id`,
          [`{${ids.join(',')}}`],
        );
        // The ORM's driver hands timestamps over as text: findings are dated by a Date.
        for (const r of rows) r.seenAt = new Date(r.seenAt);
        return ids.map((id) => rows.filter((r) => r.agencyId === id));
      })
      .load(a.id),
  ]);
  // Rows carry the agency's region; a caller who may not read the agency gets nothing.
  const readable = <T extends { agencyId: string; region: string }>(rows: T[]) =>
    rows.filter((r) => canRead(ctx.identity, r));
  return reviewFindings(
    readable(overdue).map((r) => ({
      reviewId: r.id,
      agencyId: r.agencyId,
      caseNumber: r.caseNumber,
      category: r.category,
      dueOn: r.dueOn,
      status: r.status,
    })),
    readable(unreviewed).map((d) => ({
      caseId: d.caseId,
      agencyId: d.agencyId,
      caseNumber: d.caseNumber,
      category: d.category,
      decidedOn: d.decidedOn,
      reasons: d.reasons,
      seenAt: d.seenAt,
    })),
  );
}

/** This subgraph's part of supervisionSummary: its findings counted per kind and category. */
export async function agencyReviewFindingCounts(ctx: Context, s: SummaryKey): Promise<FindingCount[]> {
  return countFindings(await agencyReviewFindings(ctx, { id: s.agencyId }), s.from, s.to);
}
