import { addDecimal, CATEGORY_NAMES_ZH, type EnforcementCategory, STATISTICS_METRICS } from '@tsp/shared';

import {
  CATEGORY_ORDER,
  type CategoryFigures,
  type Figures,
  METRICS,
  type Rates,
  type StatisticsTable,
  zeroFigures,
} from './statistics.js';

/**
 * 年度行政执法数据统计表 The layout of the export, after the provinces' annual templates (e.g. 广东省): a title row,
 * two header rows (a group over its columns), one row per agency, a total row. Pure: the XLSX and the CSV both
 * draw it.
 */

export const SHEET_TITLE = '年度行政执法数据统计表';
export const TREND_SHEET_TITLE = '月度趋势';

/** What a cell holds: text, a count, yuan (two places) or a percent (null: nothing to divide by). */
export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number }
  | { kind: 'yuan'; value: string }
  | { kind: 'percent'; value: number | null };

interface Line {
  byCategory: CategoryFigures[];
  totals: Figures;
  rates: Rates;
}

interface Column {
  label: string;
  cell: (l: Line) => Cell;
}

const of = (l: Line, category: string) => l.byCategory.find((c) => c.category === category)?.figures ?? zeroFigures();
const count = (n: string): Cell => ({ kind: 'count', value: Number(n) });

function categoryColumns(category: (typeof CATEGORY_ORDER)[number]): Column[] {
  const cols: Column[] = [];
  if (category === 'INSPECTION') cols.push({ label: '检查数', cell: (l) => count(of(l, category).INSPECTIONS) });
  cols.push(
    { label: '立案数', cell: (l) => count(of(l, category).CASES_FILED) },
    { label: '决定数', cell: (l) => count(of(l, category).DECISIONS) },
  );
  if (category === 'PENALTY')
    cols.push(
      { label: '处罚决定数', cell: (l) => count(of(l, category).PENALTY_DECISIONS) },
      {
        label: '罚没金额（元）',
        cell: (l) => ({
          kind: 'yuan',
          value: addDecimal(of(l, category).FINE_AMOUNT, of(l, category).CONFISCATION_AMOUNT),
        }),
      },
    );
  return cols;
}

/** The column groups after 序号 and 执法机关. */
export const GROUPS: readonly { title: string; columns: Column[] }[] = [
  ...CATEGORY_ORDER.map((c) => ({ title: CATEGORY_NAMES_ZH[c as EnforcementCategory], columns: categoryColumns(c) })),
  {
    title: '重大执法决定法制审核',
    columns: [
      { label: '审核数', cell: (l) => count(l.totals.REVIEWS_COMPLETED) },
      { label: '未通过数', cell: (l) => count(l.totals.REVIEWS_FAILED) },
    ],
  },
  { title: '听证', columns: [{ label: '听证数', cell: (l) => count(l.totals.HEARINGS_HELD) }] },
  {
    title: '行政复议和行政诉讼',
    columns: [
      { label: '被申请复议或起诉数', cell: (l) => count(l.totals.DECISIONS_CHALLENGED) },
      { label: '被纠错数', cell: (l) => count(l.totals.DECISIONS_OVERTURNED) },
      { label: '纠错率（%）', cell: (l) => ({ kind: 'percent', value: l.rates.overturnedPercent }) },
    ],
  },
  {
    title: '执法决定公示',
    columns: [
      { label: '公示数', cell: (l) => count(l.totals.PUBLICATIONS) },
      { label: '按时公示数', cell: (l) => count(l.totals.PUBLICATIONS_ON_TIME) },
      { label: '按时公示率（%）', cell: (l) => ({ kind: 'percent', value: l.rates.publicationsOnTimePercent }) },
    ],
  },
  {
    title: '投诉举报',
    columns: [
      { label: '受理数', cell: (l) => count(l.totals.COMPLAINTS_RECEIVED) },
      { label: '办结数', cell: (l) => count(l.totals.COMPLAINTS_CLOSED) },
      { label: '办结率（%）', cell: (l) => ({ kind: 'percent', value: l.rates.complaintsClosedPercent }) },
    ],
  },
];

export const LEADING_HEADERS = ['序号', '执法机关'] as const;
export const COLUMN_COUNT = LEADING_HEADERS.length + GROUPS.reduce((n, g) => n + g.columns.length, 0);

export const title = (region: string, year: number) => `${region}${year}${SHEET_TITLE}`;

const text = (value: string): Cell => ({ kind: 'text', value });

/** The two header rows: group titles (each over its first column; the rest empty) and the column labels. */
export function headerRows(): Cell[][] {
  const groups: Cell[] = LEADING_HEADERS.map((h) => text(h));
  const labels: Cell[] = LEADING_HEADERS.map(() => text(''));
  for (const g of GROUPS)
    g.columns.forEach((c, i) => {
      groups.push(text(i === 0 ? g.title : ''));
      labels.push(text(c.label));
    });
  return [groups, labels];
}

/** One row per agency, numbered, then 合计. */
export function bodyRows(t: StatisticsTable): Cell[][] {
  const line = (first: Cell, name: string, l: Line): Cell[] => [
    first,
    text(name),
    ...GROUPS.flatMap((g) => g.columns.map((c) => c.cell(l))),
  ];
  return [
    ...t.agencies.map((a, i) => line({ kind: 'count', value: i + 1 }, a.agencyName, a)),
    line(text(''), '合计', t),
  ];
}

/** The trend: 月份 then one column per metric (its Chinese name), one row per month. */
export function trendRows(t: StatisticsTable): Cell[][] {
  const months = [...new Set(t.monthly.map((m) => m.month))];
  const value = new Map(t.monthly.map((m) => [`${m.month}|${m.metric}`, m.value]));
  const header = [text('月份'), ...METRICS.map((m) => text(STATISTICS_METRICS[m].split(' ')[0]))];
  return [
    header,
    ...months.map((month) => [
      text(month),
      ...METRICS.map((m): Cell => {
        const v = value.get(`${month}|${m}`) ?? '0';
        return m === 'FINE_AMOUNT' || m === 'CONFISCATION_AMOUNT' ? { kind: 'yuan', value: v } : count(v);
      }),
    ]),
  ];
}
