import { WorkingCalendar } from '@tsp/shared';
import { PenaltyKind } from '@tsp/shared';

import { isOverdue, reviewDueOn } from '../src/rules/due';
import { checkProposal, checkReceivedOn } from '../src/rules/proposal';

describe('due date in working days on the official calendar', () => {
  const cal = new WorkingCalendar();

  test('5 working days across the 2026 National Day holiday count the 10-10 make-up Saturday and skip 10-01…10-07', () => {
    // Received Tue 2026-09-29: 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12.
    expect(reviewDueOn(cal, '2026-09-29', false)).toBe('2026-10-12');
    // A Monday-to-Friday count would say 10-06, in the middle of the holiday.
    expect(reviewDueOn(cal, '2026-09-29', false)).not.toBe('2026-10-06');
  });

  test('complex cases take the longer limit; agency settings change N', () => {
    expect(reviewDueOn(cal, '2026-09-29', true)).toBe('2026-10-19');
    expect(reviewDueOn(cal, '2026-09-29', false, { normal: 3, complex: 10 })).toBe('2026-10-09');
  });

  test('an ADMIN override of the calendar moves the due day', () => {
    const withOverride = new WorkingCalendar(new Map([['2026-10-12', false]]));
    expect(reviewDueOn(withOverride, '2026-09-29', false)).toBe('2026-10-13');
  });

  test('overdue only after the due day and while still with the legal office', () => {
    expect(isOverdue({ dueOn: '2026-10-12', open: true }, '2026-10-12')).toBe(false);
    expect(isOverdue({ dueOn: '2026-10-12', open: true }, '2026-10-13')).toBe(true);
    expect(isOverdue({ dueOn: '2026-10-12', open: false }, '2026-10-13')).toBe(false);
  });
});

describe('proposed decision and receipt day', () => {
  test('a FINE needs its amount and an amount needs its kind', () => {
    expect(() => checkProposal({ penaltyKinds: [PenaltyKind.FINE] })).toThrow(/fineAmount/);
    expect(() => checkProposal({ penaltyKinds: [PenaltyKind.WARNING], fineAmount: '100.00' })).toThrow(
      /FINE is not among/,
    );
    expect(() => checkProposal({ penaltyKinds: [PenaltyKind.FINE], fineAmount: '0.00' })).toThrow(/more than 0/);
    expect(() =>
      checkProposal({ penaltyKinds: [PenaltyKind.FINE, PenaltyKind.CONFISCATION], fineAmount: '100.00' }),
    ).not.toThrow();
  });
  test('the file cannot be received in the future or more than 60 days back', () => {
    expect(() => checkReceivedOn('2026-10-13', '2026-10-12')).toThrow(/after today/);
    expect(() => checkReceivedOn('2026-08-01', '2026-10-12')).toThrow(/60 days/);
    expect(() => checkReceivedOn('2026-10-01', '2026-10-12')).not.toThrow();
  });
});
