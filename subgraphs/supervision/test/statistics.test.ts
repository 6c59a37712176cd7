import type { StatisticsRow } from '@tsp/shared';

import { csvDocument, csvField, neutralise, UTF8_BOM } from '../src/rules/csv';
import { monthsOf, percent, tabulate } from '../src/rules/statistics';
import { bodyRows, COLUMN_COUNT, headerRows } from '../src/rules/statistics-layout';

const row = (agencyId: string, month: string, category: string | null, metric: string, value: string) =>
  ({ agencyId, month, category, metric, value }) as StatisticsRow;

describe('tabulate', () => {
  const agencies = [
    { id: 'a', name: '规划局' },
    { id: 'b', name: '文旅局' },
  ];
  const rows = [
    row('a', '2026-03', 'PENALTY', 'FINE_AMOUNT', '5000.50'),
    row('a', '2026-04', 'PENALTY', 'FINE_AMOUNT', '0.50'),
    row('a', '2026-04', 'PENALTY', 'DECISIONS', '4'),
    row('a', '2026-04', 'PENALTY', 'DECISIONS_OVERTURNED', '1'),
    row('b', '2026-04', null, 'COMPLAINTS_RECEIVED', '3'),
    row('b', '2026-05', null, 'COMPLAINTS_CLOSED', '1'),
    row('z', '2026-05', 'LICENSING', 'CASES_FILED', '2'),
  ];
  const t = tabulate(agencies, rows, monthsOf(2026));

  test('amounts add exactly in yuan, counts as integers, per agency, category and region', () => {
    expect(t.agencies[0].totals.FINE_AMOUNT).toBe('5001.00');
    expect(t.totals.DECISIONS).toBe('4');
    expect(t.byCategory.map((c) => c.category)).toEqual(['LICENSING', 'PENALTY', null]);
  });

  test('an agency a row names but the list lacks gets its own line, so the total is the sum of the lines', () => {
    expect(t.agencies.map((a) => a.agencyName)).toEqual(['规划局', '文旅局', 'z']);
    expect(t.totals.CASES_FILED).toBe('2');
  });

  test('rates: percent with one decimal, null with nothing to divide by', () => {
    expect(t.agencies[0].rates.overturnedPercent).toBe(25);
    expect(t.agencies[1].rates.complaintsClosedPercent).toBe(33.3);
    expect(t.agencies[1].rates.publicationsOnTimePercent).toBeNull();
    expect(percent('2', '3')).toBe(66.7);
  });

  test('monthly: every month × metric, zeros included, rows outside the year ignored there', () => {
    expect(t.monthly).toHaveLength(12 * 15);
    expect(t.monthly.find((m) => m.month === '2026-04' && m.metric === 'FINE_AMOUNT')?.value).toBe('0.50');
    expect(t.monthly.find((m) => m.month === '2026-01' && m.metric === 'DECISIONS')?.value).toBe('0');
  });

  test('the layout: two header rows and every body row as wide as the table, the total last', () => {
    const [groups, labels] = headerRows();
    expect(groups).toHaveLength(COLUMN_COUNT);
    expect(labels).toHaveLength(COLUMN_COUNT);
    const body = bodyRows(t);
    expect(body.every((r) => r.length === COLUMN_COUNT)).toBe(true);
    expect(body[body.length - 1][1]).toEqual({ kind: 'text', value: '合计' });
    const yuan = labels.findIndex((c) => c.value === '罚没金额（元）');
    expect(body[0][yuan]).toEqual({ kind: 'yuan', value: '5001.00' });
  });
});

describe('csv', () => {
  test('cells starting with = + - @ tab or CR are neutralised; others are not', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('宁晋县=')).toBe('宁晋县=');
  });

  test('RFC 4180: quoted when holding a comma, quote or line break, quotes doubled; numbers as written', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  test('the document starts with the BOM and ends lines with CRLF', () => {
    expect(csvDocument([['一', 2], []])).toBe(`${UTF8_BOM}一,2\r\n\r\n`);
  });
});
