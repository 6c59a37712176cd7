import type { EntityManager } from '@mikro-orm/postgresql';
import { shanghaiDate } from '@tsp/shared';
import { annualTotals, type AnnualTotals, type DecisionFact, type ReviewOutcomeCounts } from '../rules/annual-report.js';
import { PublicationKind } from '../rules/kinds.js';

/** Live totals of one agency and year from the projections this subgraph keeps (decisions, review outcomes). */
export async function liveTotals(em: EntityManager, agencyId: string, year: number): Promise<AnnualTotals> {
  const from = `${year}-01-01`, to = `${year + 1}-01-01`;
  const [decisions, reviews] = await Promise.all([
    em.execute(
      `select category, outcome, fine_amount, confiscation_amount, to_char(due_on, 'YYYY-MM-DD') as due_on, published_at, publishable
         from disclosure.publication where kind = ? and agency_id = ? and decided_on >= ?::date and decided_on < ?::date`,
      [PublicationKind.DECISION, agencyId, from, to],
    ) as Promise<{ category: DecisionFact['category']; outcome: string; fine_amount: string | null; confiscation_amount: string | null; due_on: string; published_at: Date | null; publishable: boolean }[]>,
    em.execute(
      `select type, count(*)::int as n from disclosure.review_outcome where agency_id = ? and occurred_on >= ?::date and occurred_on < ?::date group by type`,
      [agencyId, from, to],
    ) as Promise<{ type: string; n: number }[]>,
  ]);
  const n = (t: string) => reviews.find((r) => r.type === t)?.n ?? 0;
  const counts: ReviewOutcomeCounts = { passed: n('ReviewPassed'), returned: n('ReviewReturned'), failed: n('ReviewFailed') };
  return annualTotals(
    decisions.map((d) => ({
      category: d.category, outcome: d.outcome, fineAmount: d.fine_amount, confiscationAmount: d.confiscation_amount, dueOn: d.due_on,
      publishedOn: d.published_at ? shanghaiDate(new Date(d.published_at)) : null, publishable: d.publishable,
    })),
    counts,
  );
}
