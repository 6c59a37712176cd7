import { EnforcementCategory, PenaltyKind } from '@tsp/shared';

import { assertYearOver, requireReportYear } from '../src/rules/annual-report';
import { WithdrawalTrigger } from '../src/rules/kinds';
import { isProcessData } from '../src/rules/listings';
import { checkPeriodMonths, MAX_PERIOD_MONTHS } from '../src/rules/periods';
import {
  requireDeadlineTrigger,
  requireNotFuture,
  startsWithdrawalDeadline,
  withdrawalTriggerOf,
} from '../src/rules/withdrawal';

/** The field a BAD_USER_INPUT names, or null when `f` does not throw one. */
function badField(f: () => unknown): unknown {
  try {
    f();
    return null;
  } catch (e) {
    const ext = (e as { extensions?: { code?: string; field?: string } }).extensions;
    return ext?.code === 'BAD_USER_INPUT' ? ext.field : e;
  }
}

/** Rules the write use cases check, each met and broken. */
describe('withdrawal after the decision changed (行政处罚法 §48 第二款)', () => {
  test('the trigger given wins, else the one reported before, else OTHER', () => {
    const { DECISION_CHANGED, DECISION_REVOKED } = WithdrawalTrigger;
    expect(withdrawalTriggerOf(DECISION_REVOKED, DECISION_CHANGED)).toBe(DECISION_REVOKED);
    expect(withdrawalTriggerOf(null, DECISION_CHANGED)).toBe(DECISION_CHANGED);
    expect(withdrawalTriggerOf(undefined, null)).toBe(WithdrawalTrigger.OTHER);
  });

  test('a §48 event starts the 3-working-day deadline once; OTHER and a running deadline do not', () => {
    const { DECISION_CHANGED, DECISION_REVOKED, CONFIRMED_ILLEGAL, CONFIRMED_VOID } = WithdrawalTrigger;
    for (const t of [DECISION_CHANGED, DECISION_REVOKED, CONFIRMED_ILLEGAL, CONFIRMED_VOID]) {
      expect(startsWithdrawalDeadline(t, null)).toBe(true);
    }
    expect(startsWithdrawalDeadline(WithdrawalTrigger.OTHER, null)).toBe(false);
    expect(startsWithdrawalDeadline(WithdrawalTrigger.DECISION_CHANGED, '2026-10-14')).toBe(false);
  });

  test('reporting a decision change needs a §48 event', () => {
    expect(requireDeadlineTrigger('trigger', WithdrawalTrigger.CONFIRMED_VOID)).toBe(WithdrawalTrigger.CONFIRMED_VOID);
    expect(badField(() => requireDeadlineTrigger('trigger', WithdrawalTrigger.OTHER))).toBe('trigger');
  });

  test('the day it happened may be today, not tomorrow', () => {
    expect(requireNotFuture('happenedOn', '2026-10-09', '2026-10-09')).toBe('2026-10-09');
    expect(badField(() => requireNotFuture('happenedOn', '2026-10-10', '2026-10-09'))).toBe('happenedOn');
  });
});

describe("an agency's configured publication period", () => {
  test('whole months 1…120; null goes back to the legal default', () => {
    expect(checkPeriodMonths('periods.months', PenaltyKind.FINE, 1)).toBe(1);
    expect(checkPeriodMonths('periods.months', PenaltyKind.FINE, MAX_PERIOD_MONTHS)).toBe(120);
    expect(checkPeriodMonths('periods.months', PenaltyKind.FINE, null)).toBeNull();
  });

  test('0, 121 and fractions are refused, naming the field', () => {
    for (const m of [0, MAX_PERIOD_MONTHS + 1, 1.5]) {
      expect(badField(() => checkPeriodMonths('periods.months', PenaltyKind.FINE, m))).toBe('periods.months');
    }
  });
});

describe('annual report (年度统计, due 31 January of the next year)', () => {
  test('a finished year may be published; the current or a future one may not', () => {
    expect(badField(() => assertYearOver('year', 2025, '2026-01-05'))).toBeNull();
    expect(badField(() => assertYearOver('year', 2026, '2026-12-31'))).toBe('year');
    expect(badField(() => assertYearOver('year', 2027, '2026-12-31'))).toBe('year');
  });

  test('years outside 2000…2100 are refused', () => {
    expect(requireReportYear('year', 2000)).toBe(2000);
    expect(badField(() => requireReportYear('year', 1999))).toBe('year');
    expect(badField(() => requireReportYear('year', 2101))).toBe('year');
  });
});

describe('ex-ante list content', () => {
  test('process steps are told apart from the other kinds', () => {
    const steps = [{ name: '立案', description: '', timeLimit: '' }];
    expect(isProcessData({ category: EnforcementCategory.PENALTY, steps })).toBe(true);
    const body = {
      duties: 'a',
      powers: 'b',
      legalBasis: 'c',
      procedures: 'd',
      supervisionChannels: 'e',
      remedyChannels: 'f',
    };
    expect(isProcessData(body)).toBe(false);
  });
});
