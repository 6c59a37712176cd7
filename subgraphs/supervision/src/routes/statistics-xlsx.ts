import ExcelJS from 'exceljs';

import type { StatisticsTable } from '../rules/statistics.js';
import {
  bodyRows,
  type Cell,
  COLUMN_COUNT,
  GROUPS,
  headerRows,
  LEADING_HEADERS,
  SHEET_TITLE,
  title,
  TREND_SHEET_TITLE,
  trendRows,
} from '../rules/statistics-layout.js';

/** A cell's value in the workbook: numbers as numbers (yuan too, formatted), text always as text, never a formula. */
function value(c: Cell): string | number | null {
  switch (c.kind) {
    case 'text':
      return c.value;
    case 'count':
      return c.value;
    case 'yuan':
      return Number(c.value);
    case 'percent':
      return c.value;
  }
}

function put(ws: ExcelJS.Worksheet, rowNumber: number, cells: Cell[]): void {
  const row = ws.getRow(rowNumber);
  cells.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = value(c);
    if (c.kind === 'yuan') cell.numFmt = '#,##0.00';
    if (c.kind === 'percent') cell.numFmt = '0.0';
  });
}

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** 年度行政执法数据统计表 and 月度趋势 as an XLSX workbook. */
export async function statisticsXlsx(region: string, year: number, t: StatisticsTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '行政执法三项制度平台';
  const ws = wb.addWorksheet(SHEET_TITLE, { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  ws.mergeCells(1, 1, 1, COLUMN_COUNT);
  const head = ws.getCell(1, 1);
  head.value = title(region, year);
  head.font = { bold: true, size: 14 };
  head.alignment = { horizontal: 'center' };
  const [groups, labels] = headerRows();
  put(ws, 2, groups);
  put(ws, 3, labels);
  // 序号 and 执法机关 span both header rows; each group title spans its columns.
  LEADING_HEADERS.forEach((_, i) => ws.mergeCells(2, i + 1, 3, i + 1));
  let col = LEADING_HEADERS.length + 1;
  for (const g of GROUPS) {
    if (g.columns.length > 1) ws.mergeCells(2, col, 2, col + g.columns.length - 1);
    col += g.columns.length;
  }
  for (const r of [2, 3])
    ws.getRow(r).eachCell((c) => {
      c.font = { bold: true };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.border = BORDER;
    });
  const body = bodyRows(t);
  body.forEach((cells, i) => put(ws, 4 + i, cells));
  const last = ws.getRow(3 + body.length);
  last.font = { bold: true };
  for (let r = 4; r <= 3 + body.length; r++) ws.getRow(r).eachCell((c) => (c.border = BORDER));
  ws.getColumn(2).width = 28;

  const trend = wb.addWorksheet(TREND_SHEET_TITLE, { views: [{ state: 'frozen', ySplit: 1 }] });
  trendRows(t).forEach((cells, i) => put(trend, i + 1, cells));
  trend.getRow(1).font = { bold: true };
  trend.getColumn(1).width = 10;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
