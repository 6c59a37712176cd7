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

import { LegalReviewEntity, UnreviewedDecisionEntity } from '../entities/index.js';
import { reviewFindings } from '../rules/findings.js';
import { ReviewStatus } from '../rules/status.js';

/** 法制审核监督发现 One agency's review findings for this caller (the Agency field and the supervision summary). */
export async function agencyReviewFindings(ctx: Context, a: { id: string }): Promise<Finding[]> {
  requireFindingsCaller(ctx.identity);
  const today = shanghaiDate();
  const [overdue, unreviewed] = await Promise.all([
    ctx.loaders
      .get<string, LegalReviewEntity[]>(`overdueReviews:${today}`, async (ids) => {
        const rows = await ctx.em.find(
          LegalReviewEntity,
          {
            agencyId: { $in: [...ids] },
            status: { $in: [ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW] },
            dueOn: { $lt: today },
          },
          { orderBy: { dueOn: 'asc', id: 'asc' } },
        );
        return ids.map((id) => rows.filter((r) => r.agencyId === id));
      })
      .load(a.id),
    ctx.loaders
      .get<string, UnreviewedDecisionEntity[]>('unreviewedDecisions', async (ids) => {
        const rows = await ctx.em.find(
          UnreviewedDecisionEntity,
          { agencyId: { $in: [...ids] } },
          { orderBy: { decidedOn: 'asc', caseId: 'asc' } },
        );
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
