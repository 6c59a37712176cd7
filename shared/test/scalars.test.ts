import { Kind } from 'graphql';

import { AppError } from '../src/errors';
import {
  addDecimal,
  compareDecimal,
  DateScalar,
  DateTimeScalar,
  DecimalScalar,
  isIsoDate,
  normalizeDecimal,
  shanghaiDate,
} from '../src/graphql/scalars';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return 'no error';
};

describe('Date', () => {
  test('real calendar days pass, impossible ones fail', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
  test('the scalar refuses bad days as BAD_USER_INPUT, naming the value', () => {
    expect(code(() => DateScalar.parseValue('2026-02-30'))).toBe('BAD_USER_INPUT');
    expect(() => DateScalar.parseValue('2026-02-30')).toThrow(/2026-02-30/);
    expect(code(() => DateScalar.parseValue(20260101))).toBe('BAD_USER_INPUT');
    expect(code(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '1' }, {}))).toBe('BAD_USER_INPUT');
    expect(DateScalar.parseValue('2026-10-01')).toBe('2026-10-01');
  });
  test('a JS Date serializes as its calendar day in Asia/Shanghai', () => {
    // 16:30 UTC on 30 September is already 1 October in Beijing
    expect(DateScalar.serialize(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(shanghaiDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });
});

describe('DateTime', () => {
  test('needs an offset; parses to an instant', () => {
    expect((DateTimeScalar.parseValue('2026-10-01T08:00:00+08:00') as Date).toISOString()).toBe(
      '2026-10-01T00:00:00.000Z',
    );
    expect(code(() => DateTimeScalar.parseValue('2026-10-01T08:00:00'))).toBe('BAD_USER_INPUT');
    expect(code(() => DateTimeScalar.parseValue('2026-02-30T08:00:00Z'))).toBe('BAD_USER_INPUT');
  });
});

describe('Decimal (money in yuan)', () => {
  test('normalizeDecimal always gives two places and drops leading zeros', () => {
    expect(normalizeDecimal('5')).toBe('5.00');
    expect(normalizeDecimal('5.5')).toBe('5.50');
    expect(normalizeDecimal('0050000.00')).toBe('50000.00');
    expect(normalizeDecimal('0.1')).toBe('0.10');
    expect(normalizeDecimal('-3')).toBe('-3.00');
  });
  test('compareDecimal compares exactly, without floating point', () => {
    expect(compareDecimal('50000.00', '50000')).toBe(0);
    expect(compareDecimal('49999.99', '50000.00')).toBe(-1);
    expect(compareDecimal('50000.01', '50000')).toBe(1);
    expect(compareDecimal('0.3', '0.30')).toBe(0);
    expect(compareDecimal('9999999999999.99', '9999999999999.98')).toBe(1); // beyond float precision
    expect(compareDecimal('-1', '0')).toBe(-1);
  });
  test('addDecimal adds cents exactly', () => {
    expect(addDecimal('0.10', '0.20')).toBe('0.30');
    expect(addDecimal('50000', '0.01')).toBe('50000.01');
    expect(addDecimal('1.00', '-2.50')).toBe('-1.50');
    expect(addDecimal('0.05', '0.05')).toBe('0.10');
  });
  test('the scalar accepts "50000.00", 5 and "5.5"; refuses three places, words and exponents', () => {
    expect(DecimalScalar.parseValue('50000.00')).toBe('50000.00');
    expect(DecimalScalar.parseValue(5)).toBe('5.00');
    expect(DecimalScalar.parseValue('5.5')).toBe('5.50');
    expect(code(() => DecimalScalar.parseValue('5.555'))).toBe('BAD_USER_INPUT');
    expect(code(() => DecimalScalar.parseValue('五万'))).toBe('BAD_USER_INPUT');
    expect(code(() => DecimalScalar.parseValue('1e5'))).toBe('BAD_USER_INPUT');
    expect(code(() => DecimalScalar.parseValue(null))).toBe('BAD_USER_INPUT');
    expect(DecimalScalar.serialize('12')).toBe('12.00');
  });
});
