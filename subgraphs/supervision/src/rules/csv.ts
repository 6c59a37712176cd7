/**
 * CSV for spreadsheets (RFC 4180): fields quoted when they hold a comma, quote, CR or LF, quotes doubled, CRLF line
 * ends; UTF-8 with a byte-order mark, without which Excel reads Chinese text as the local code page. A text field
 * starting with = + - @ (or tab, CR) would run as a formula when opened (CSV injection): it is prefixed with '.
 * Pure.
 */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open: a leading formula character is neutralised with an apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: numbers as written, text neutralised and quoted where RFC 4180 requires. */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const s = neutralise(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return UTF8_BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
