import type { EntityManager } from '@mikro-orm/postgresql';
import { type Context, PenaltyKind, requireId, shanghaiDate } from '@tsp/shared';

import { AnnualReportEntity, PublicationPeriodEntity } from '../entities/index.js';
import {
  type AnnualTotals,
  annualTotals,
  type DecisionFact,
  requireReportYear,
  type ReviewOutcomeCounts,
} from '../rules/annual-report.js';
import { annualReportDueOn } from '../rules/deadlines.js';
import { PublicationKind } from '../rules/kinds.js';

/** Live totals of one agency and year from the projections this subgraph keeps (decisions, review outcomes). */
export async function liveTotals(em: EntityManager, agencyId: string, year: number): Promise<AnnualTotals> {
  const from = `${year}-01-01`,
    to = `${year + 1}-01-01`;
  const [decisions, reviews] = await Promise.all([
    em.execute(
      `select category, outcome, fine_amount, confiscation_amount, to_char(due_on, 'YYYY-MM-DD') as due_on, published_at, publishable
         from disclosure.publication where kind = ? and agency_id = ? and decided_on >= ?::date and decided_on < ?::date`,
      [PublicationKind.DECISION, agencyId, from, to],
    ) as Promise<
      {
        category: DecisionFact['category'];
        outcome: string;
        fine_amount: string | null;
        confiscation_amount: string | null;
        due_on: string;
        published_at: Date | null;
        publishable: boolean;
      }[]
    >,
    em.execute(
      `select type, count(*)::int as n from disclosure.review_outcome where agency_id = ? and occurred_on >= ?::date and occurred_on < ?::date group by type`,
      [agencyId, from, to],
    ) as Promise<{ type: string; n: number }[]>,
  ]);
  const n = (t: string) => reviews.find((r) => r.type === t)?.n ?? 0;
  const counts: ReviewOutcomeCounts = {
    passed: n('ReviewPassed'),
    returned: n('ReviewReturned'),
    failed: n('ReviewFailed'),
  };
  return annualTotals(
    decisions.map((d) => ({
      category: d.category,
      outcome: d.outcome,
      fineAmount: d.fine_amount,
      confiscationAmount: d.confiscation_amount,
      dueOn: d.due_on,
      publishedOn: d.published_at ? shanghaiDate(new Date(d.published_at)) : null,
      publishable: d.publishable,
    })),
    counts,
  );
}

/** 年度行政执法数据 An annual report as served: its totals, due date and whether it is frozen. */
export interface AnnualReportView {
  agencyId: string;
  year: number;
  dueOn: string;
  published: boolean;
  publishedAt: Date | null;
  decisions: number;
  byCategory: AnnualTotals['byCategory'];
  byOutcome: AnnualTotals['byOutcome'];
  finesTotal: string;
  confiscationsTotal: string;
  reviewsPassed: number;
  reviewsReturned: number;
  reviewsFailed: number;
  publishedOnTime: number;
  publishedLate: number;
  unpublished: number;
  withheld: number;
}

export function reportView(
  agencyId: string,
  year: number,
  t: AnnualTotals,
  frozen: AnnualReportEntity | null,
): AnnualReportView {
  return {
    agencyId,
    year,
    dueOn: annualReportDueOn(year),
    published: !!frozen,
    publishedAt: frozen?.publishedAt ?? null,
    decisions: t.decisions,
    byCategory: t.byCategory,
    byOutcome: t.byOutcome,
    finesTotal: t.finesTotal,
    confiscationsTotal: t.confiscationsTotal,
    reviewsPassed: t.reviews.passed,
    reviewsReturned: t.reviews.returned,
    reviewsFailed: t.reviews.failed,
    publishedOnTime: t.publishedOnTime,
    publishedLate: t.publishedLate,
    unpublished: t.unpublished,
    withheld: t.withheld,
  };
}

/** The annual report (public): the frozen one once published, else the running totals. */
export async function annualReport(ctx: Context, agencyId: string, year: number): Promise<AnnualReportView> {
  const a = requireId('agency', agencyId);
  const frozen = await ctx.em.findOne(AnnualReportEntity, { agencyId: a, year: requireReportYear('year', year) });
  return reportView(a, year, frozen ? frozen.totals : await liveTotals(ctx.em, a, year), frozen);
}

/** The periods an agency configured, one row per penalty kind (null months = the legal default). */
export async function publicationPeriods(
  ctx: Context,
  agencyId: string,
): Promise<{ penaltyKind: PenaltyKind; months: number | null }[]> {
  const rows = await ctx.em.find(PublicationPeriodEntity, { agencyId: requireId('agency', agencyId) });
  return Object.values(PenaltyKind).map((k) => ({
    penaltyKind: k,
    months: rows.find((r) => r.penaltyKind === k)?.months ?? null,
  }));
}
