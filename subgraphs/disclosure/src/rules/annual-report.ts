import { addDecimal, badInput, EnforcementCategory } from '@tsp/shared';

import { publishedOnTime } from './deadlines.js';

export interface DecisionFact {
  category: EnforcementCategory;
  outcome: string;
  fineAmount: string | null;
  confiscationAmount: string | null;
  dueOn: string;
  /** Day (Asia/Shanghai) it was first published; null while unpublished. */
  publishedOn: string | null;
  publishable: boolean;
}

export interface ReviewOutcomeCounts {
  passed: number;
  returned: number;
  failed: number;
}

export interface AnnualTotals {
  decisions: number;
  byCategory: { category: EnforcementCategory; count: number }[];
  byOutcome: { outcome: string; count: number }[];
  finesTotal: string;
  confiscationsTotal: string;
  reviews: ReviewOutcomeCounts;
  publishedOnTime: number;
  publishedLate: number;
  /** Publishable decisions still unpublished. */
  unpublished: number;
  /** Decisions withheld by law (e.g. minors): counted in the totals, never published. */
  withheld: number;
}

const UNSPECIFIED = '未注明 unspecified';

/** 年度行政执法数据 Totals for one agency and year, from the decisions and review outcomes received. */
export function annualTotals(decisions: readonly DecisionFact[], reviews: ReviewOutcomeCounts): AnnualTotals {
  const byCategory = new Map<EnforcementCategory, number>();
  const byOutcome = new Map<string, number>();
  let finesTotal = '0.00',
    confiscationsTotal = '0.00',
    onTime = 0,
    late = 0,
    unpublished = 0,
    withheld = 0;
  for (const d of decisions) {
    byCategory.set(d.category, (byCategory.get(d.category) ?? 0) + 1);
    const o = d.outcome.trim() || UNSPECIFIED;
    byOutcome.set(o, (byOutcome.get(o) ?? 0) + 1);
    if (d.fineAmount) finesTotal = addDecimal(finesTotal, d.fineAmount);
    if (d.confiscationAmount) confiscationsTotal = addDecimal(confiscationsTotal, d.confiscationAmount);
    if (!d.publishable) withheld++;
    else if (!d.publishedOn) unpublished++;
    else if (publishedOnTime(d.publishedOn, d.dueOn)) onTime++;
    else late++;
  }
  const order = Object.values(EnforcementCategory);
  return {
    decisions: decisions.length,
    byCategory: [...byCategory]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category)),
    byOutcome: [...byOutcome]
      .map(([outcome, count]) => ({ outcome, count }))
      .sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome)),
    finesTotal,
    confiscationsTotal,
    reviews,
    publishedOnTime: onTime,
    publishedLate: late,
    unpublished,
    withheld,
  };
}

/** A report year the service keeps: 2000…2100 (BAD_INPUT on `field` otherwise). */
export function requireReportYear(field: string, year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(field, 'must be a year such as 2025');
  return year;
}

/**
 * 年度统计 Last year's enforcement totals are published by 31 January (annualReportDueOn): only a year that is
 * over can be published and frozen, since its totals can still change until then.
 */
export function assertYearOver(field: string, year: number, today: string): void {
  if (year >= Number(today.slice(0, 4))) throw badInput(field, 'the year is not over yet / 年度尚未结束');
}
