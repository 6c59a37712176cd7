import { EnforcementCategory, WorkingCalendar } from '@tsp/shared';

import {
  annualReportDueOn,
  PUBLICATION_WORKING_DAYS,
  publicationDueOn,
  publishedOnTime,
  withdrawalDueOn,
} from '../src/rules/deadlines';

const cal = new WorkingCalendar();

describe('publication due dates on the official calendar', () => {
  test('7 and 20 working days by category', () => {
    expect(PUBLICATION_WORKING_DAYS.PENALTY).toBe(7);
    expect(PUBLICATION_WORKING_DAYS.LICENSING).toBe(7);
    for (const c of [
      EnforcementCategory.COERCION,
      EnforcementCategory.INSPECTION,
      EnforcementCategory.EXPROPRIATION,
      EnforcementCategory.OTHER,
    ])
      expect(PUBLICATION_WORKING_DAYS[c]).toBe(20);
  });

  test('a penalty decided 2026-09-29 crosses the National Day holiday and counts the 10-10 make-up Saturday', () => {
    // 9-30 (1), 10-01…10-07 holiday, 10-08 (2), 10-09 (3), Sat 10-10 make-up (4), 10-12 (5), 10-13 (6), 10-14 (7)
    expect(publicationDueOn(cal, EnforcementCategory.PENALTY, '2026-09-29')).toBe('2026-10-14');
    // Mon-Fri counting would say 10-08: the rule that breaks it.
    expect(publicationDueOn(cal, EnforcementCategory.PENALTY, '2026-09-29')).not.toBe('2026-10-08');
  });

  test('the 2026-09-20 make-up Sunday counts, the 2026-09-25 Mid-Autumn Friday does not', () => {
    // Decided Fri 09-18: Sun 09-20 (1), 09-21 (2), 09-22 (3), 09-23 (4), 09-24 (5), [09-25 holiday], 09-28 (6), 09-29 (7)
    expect(publicationDueOn(cal, EnforcementCategory.LICENSING, '2026-09-18')).toBe('2026-09-29');
  });

  test('across the 2026 Spring Festival (02-15…02-23 off, Sat 02-14 and Sat 02-28 worked)', () => {
    // Decided Thu 02-12: Fri 02-13 (1), Sat 02-14 (2), 02-24 (3), 02-25 (4), 02-26 (5), 02-27 (6), Sat 02-28 (7)
    expect(publicationDueOn(cal, EnforcementCategory.PENALTY, '2026-02-12')).toBe('2026-02-28');
  });

  test('20 working days for an inspection result across National Day', () => {
    // From 09-29: 09-30, 10-08, 10-09, 10-10, then 16 weekdays from 10-12 → 11-02
    expect(publicationDueOn(cal, EnforcementCategory.INSPECTION, '2026-09-29')).toBe('2026-11-02');
  });

  test('ADMIN overrides win over the bundled schedule', () => {
    const withOverride = new WorkingCalendar(new Map([['2026-10-14', false]]));
    expect(publicationDueOn(withOverride, EnforcementCategory.PENALTY, '2026-09-29')).toBe('2026-10-15');
  });
});

describe('withdrawal and annual report deadlines', () => {
  test('withdrawal within 3 working days of the change, across a holiday', () => {
    expect(withdrawalDueOn(cal, '2026-09-30')).toBe('2026-10-10');
    expect(withdrawalDueOn(cal, '2026-03-02')).toBe('2026-03-05');
  });

  test('annual report due 31 January of the next year', () => {
    expect(annualReportDueOn(2025)).toBe('2026-01-31');
  });

  test('on time means on or before the due day', () => {
    expect(publishedOnTime('2026-10-14', '2026-10-14')).toBe(true);
    expect(publishedOnTime('2026-10-15', '2026-10-14')).toBe(false);
  });
});
