import { addDecimal, STATISTICS_METRICS, type StatisticsMetric, type StatisticsRow } from '@tsp/shared';

/**
 * 行政执法统计 Adding up the subgraphs' statistics rows into the annual table a province prescribes (国办发〔2018〕118号:
 * each agency publishes last year's figures by 31 January; e.g. 广东省's template: per agency, per category —
 * licensing, penalty, coercion, inspection, expropriation, other — with reviews, hearings, reconsideration and
 * litigation outcomes). Pure: no I/O.
 */

export const METRICS = Object.keys(STATISTICS_METRICS) as StatisticsMetric[];
/** Metrics in yuan (two decimal places); the others are counts. */
export const AMOUNT_METRICS: ReadonlySet<StatisticsMetric> = new Set(['FINE_AMOUNT', 'CONFISCATION_AMOUNT']);
/** The template's column order of categories; null (no category: complaints) last. */
export const CATEGORY_ORDER = ['LICENSING', 'PENALTY', 'COERCION', 'INSPECTION', 'EXPROPRIATION', 'OTHER'] as const;

export type Figures = Record<StatisticsMetric, string>;

export interface Rates {
  /** 按时公示率 Publications made by their due day, % of publications. */
  publicationsOnTimePercent: number | null;
  /** 纠错率 Decisions changed, revoked or confirmed unlawful, % of decisions recorded. */
  overturnedPercent: number | null;
  /** 办结率 Complaints closed, % of complaints accepted. */
  complaintsClosedPercent: number | null;
}

export interface CategoryFigures {
  category: string | null;
  figures: Figures;
}

export interface AgencyStatistics {
  agencyId: string;
  agencyName: string;
  byCategory: CategoryFigures[];
  totals: Figures;
  rates: Rates;
}

export interface MonthValue {
  month: string;
  metric: StatisticsMetric;
  value: string;
}

export interface StatisticsTable {
  agencies: AgencyStatistics[];
  byCategory: CategoryFigures[];
  totals: Figures;
  rates: Rates;
  monthly: MonthValue[];
}

export const zeroOf = (m: StatisticsMetric) => (AMOUNT_METRICS.has(m) ? '0.00' : '0');

export function zeroFigures(): Figures {
  return Object.fromEntries(METRICS.map((m) => [m, zeroOf(m)])) as Figures;
}

function add(f: Figures, metric: StatisticsMetric, value: string): void {
  f[metric] = AMOUNT_METRICS.has(metric) ? addDecimal(f[metric], value) : String(BigInt(f[metric]) + BigInt(value));
}

/** A share in percent, one decimal place; null when there is nothing to divide by. */
export function percent(part: string, whole: string): number | null {
  const w = Number(whole);
  return w > 0 ? Math.round((Number(part) * 1000) / w) / 10 : null;
}

export function ratesOf(f: Figures): Rates {
  return {
    publicationsOnTimePercent: percent(f.PUBLICATIONS_ON_TIME, f.PUBLICATIONS),
    overturnedPercent: percent(f.DECISIONS_OVERTURNED, f.DECISIONS),
    complaintsClosedPercent: percent(f.COMPLAINTS_CLOSED, f.COMPLAINTS_RECEIVED),
  };
}

const categoryRank = (c: string | null) => {
  const i = CATEGORY_ORDER.indexOf(c as (typeof CATEGORY_ORDER)[number]);
  return i < 0 ? (c === null ? CATEGORY_ORDER.length + 1 : CATEGORY_ORDER.length) : i;
};

function sortedCategories(m: Map<string | null, Figures>): CategoryFigures[] {
  return [...m.entries()]
    .map(([category, figures]) => ({ category, figures }))
    .sort((a, b) => categoryRank(a.category) - categoryRank(b.category));
}

/** The twelve months YYYY-MM of a year. */
export const monthsOf = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * The table: one line per agency (every agency listed, in the order given, even without a figure; an agency a row
 * names that the list lacks gets a line of its own named by its id, so the total is always the sum of the lines),
 * per category within it, the region's totals, the rates, and every month × metric of `months` (zeros included).
 */
export function tabulate(
  agencies: readonly { id: string; name: string }[],
  rows: readonly StatisticsRow[],
  months: readonly string[],
): StatisticsTable {
  const lines = new Map<string, { name: string; categories: Map<string | null, Figures>; totals: Figures }>();
  for (const a of agencies) lines.set(a.id, { name: a.name, categories: new Map(), totals: zeroFigures() });
  const categories = new Map<string | null, Figures>();
  const totals = zeroFigures();
  const monthly = new Map(months.map((m) => [m, zeroFigures()]));
  for (const r of rows) {
    let line = lines.get(r.agencyId);
    if (!line) lines.set(r.agencyId, (line = { name: r.agencyId, categories: new Map(), totals: zeroFigures() }));
    for (const [map, key] of [
      [line.categories, r.category],
      [categories, r.category],
    ] as const) {
      if (!map.has(key)) map.set(key, zeroFigures());
      add(map.get(key)!, r.metric, r.value);
    }
    add(line.totals, r.metric, r.value);
    add(totals, r.metric, r.value);
    const month = monthly.get(r.month);
    if (month) add(month, r.metric, r.value);
  }
  return {
    agencies: [...lines.entries()].map(([agencyId, l]) => ({
      agencyId,
      agencyName: l.name,
      byCategory: sortedCategories(l.categories),
      totals: l.totals,
      rates: ratesOf(l.totals),
    })),
    byCategory: sortedCategories(categories),
    totals,
    rates: ratesOf(totals),
    monthly: [...monthly.entries()].flatMap(([month, f]) =>
      METRICS.map((metric) => ({ month, metric, value: f[metric] })),
    ),
  };
}
