import { GraphQLScalarType, Kind } from 'graphql';

import { AppError } from '../errors.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function parseDate(v: unknown): string {
  if (typeof v !== 'string' || !isIsoDate(v))
    throw new AppError('BAD_USER_INPUT', `Date must be YYYY-MM-DD, got ${JSON.stringify(v)?.slice(0, 40)}`);
  return v;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: '日期 Calendar day in Asia/Shanghai, YYYY-MM-DD',
  serialize: (v) => (v instanceof Date ? shanghaiDate(v) : parseDate(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(v: unknown): Date {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v))
    throw new AppError(
      'BAD_USER_INPUT',
      `DateTime must be ISO-8601 with offset, got ${JSON.stringify(v)?.slice(0, 40)}`,
    );
  const d = new Date(v);
  // JS Date rolls 2026-02-30 over to 2 March instead of failing: check the day itself.
  if (Number.isNaN(d.getTime()) || !isIsoDate(v.slice(0, 10)))
    throw new AppError('BAD_USER_INPUT', `DateTime is not a real instant: ${v}`);
  return d;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: '时间 Instant, ISO-8601 with offset',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

const DECIMAL_RE = /^-?\d{1,13}(\.\d{1,2})?$/;
function parseDecimal(v: unknown): string {
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s !== 'string' || !DECIMAL_RE.test(s))
    throw new AppError(
      'BAD_USER_INPUT',
      `Decimal must be yuan like "50000.00", got ${JSON.stringify(v)?.slice(0, 40)}`,
    );
  return normalizeDecimal(s);
}
/** "5" → "5.00": money always has two places. */
export function normalizeDecimal(s: string): string {
  const neg = s.startsWith('-');
  const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${i.replace(/^0+(?=\d)/, '')}.${(f + '00').slice(0, 2)}`;
}
/** Compares two decimal strings exactly (no floating point for money). */
export function compareDecimal(a: string, b: string): number {
  const toCents = (s: string) => BigInt(normalizeDecimal(s).replace('.', ''));
  const x = toCents(a),
    y = toCents(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
export function addDecimal(a: string, b: string): string {
  const cents = BigInt(normalizeDecimal(a).replace('.', '')) + BigInt(normalizeDecimal(b).replace('.', ''));
  const neg = cents < 0n;
  const s = (neg ? -cents : cents).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: '金额（元） Money in yuan as a decimal string, e.g. "50000.00"',
  serialize: (v) => normalizeDecimal(String(v)),
  parseValue: parseDecimal,
  parseLiteral: (ast) =>
    parseDecimal(ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined),
});

/** Today's calendar day in Asia/Shanghai. */
export function shanghaiDate(d: Date = new Date()): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
