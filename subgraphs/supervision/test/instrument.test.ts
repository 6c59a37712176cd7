import { FindingKind, WorkingCalendar } from '@tsp/shared';

import {
  DEFAULT_RESPONSE_WORKING_DAYS,
  instrumentStatusAfter,
  instrumentTransitionProblem,
  isResponseOverdue,
  responseDueOn,
} from '../src/rules/instrument';
import { instrumentFindings } from '../src/rules/instrument-findings';
import { InstrumentAction, InstrumentKind, InstrumentStatus } from '../src/rules/instrument-kinds';
import { heldAtProblem } from '../src/rules/interview';
import { withdrawProblem } from '../src/rules/notice';

// The official calendar (chinese-days): National Day 2026 is 1–7 October off, Saturday 10 October is worked.
const cal = new WorkingCalendar();
const S = InstrumentStatus;
const A = InstrumentAction;

describe('transitions (行政执法监督条例, 国务院令第825号: the agency reports, the bureau accepts or sends back)', () => {
  const allowed: [InstrumentAction, InstrumentStatus | null, InstrumentStatus][] = [
    [A.ISSUE, null, S.ISSUED],
    [A.RESPOND, S.ISSUED, S.RESPONDED],
    [A.ACCEPT, S.RESPONDED, S.CLOSED],
    [A.RETURN, S.RESPONDED, S.ISSUED],
  ];
  test.each(allowed)('%s from %s → %s', (action, from, to) => {
    expect(instrumentTransitionProblem(action, from)).toBeNull();
    expect(instrumentStatusAfter(action)).toBe(to);
  });

  const refused: [InstrumentAction, InstrumentStatus | null][] = [
    [A.ISSUE, S.ISSUED],
    [A.RESPOND, null],
    [A.RESPOND, S.RESPONDED],
    [A.RESPOND, S.CLOSED],
    [A.ACCEPT, S.ISSUED],
    [A.ACCEPT, S.CLOSED],
    [A.RETURN, S.ISSUED],
    [A.RETURN, S.CLOSED],
  ];
  test.each(refused)('%s from %s is refused, naming the status', (action, from) => {
    expect(instrumentTransitionProblem(action, from)).toContain(`is ${from ?? 'new'}`);
  });
});

describe('the response due day on the official calendar', () => {
  test('defaults: 15 working days for an opinion, 10 for a decision', () => {
    expect(DEFAULT_RESPONSE_WORKING_DAYS).toEqual({ OPINION: 15, DECISION: 10 });
    // A March without holidays: three and two weeks on from Monday 2 March.
    expect(responseDueOn(cal, '2026-03-02', InstrumentKind.OPINION)).toEqual({ dueOn: '2026-03-23', workingDays: 15 });
    expect(responseDueOn(cal, '2026-03-02', InstrumentKind.DECISION)).toEqual({ dueOn: '2026-03-16', workingDays: 10 });
  });

  test('across National Day 2026: 1–7 October skipped, Saturday 10 October counted', () => {
    // 8, 9, 10 (make-up), 12, 13, 14, 15, 16, 19, 20 October.
    expect(responseDueOn(cal, '2026-09-30', InstrumentKind.DECISION)).toEqual({ dueOn: '2026-10-20', workingDays: 10 });
    expect(responseDueOn(cal, '2026-09-30', InstrumentKind.OPINION)).toEqual({ dueOn: '2026-10-27', workingDays: 15 });
    // 30 September, then 8, 9, 10 (make-up), 12 October: the holiday week never counts, the Saturday does.
    expect(responseDueOn(cal, '2026-09-29', InstrumentKind.OPINION, 5)).toEqual({
      dueOn: '2026-10-12',
      workingDays: 5,
    });
    // Issued in the holiday: the first working day after it is day one.
    expect(responseDueOn(cal, '2026-10-03', InstrumentKind.DECISION, 5)).toEqual({
      dueOn: '2026-10-13',
      workingDays: 5,
    });
  });

  test('5…30 working days may be set per issue; outside is a problem', () => {
    expect(responseDueOn(cal, '2026-06-01', InstrumentKind.DECISION, 30)).toMatchObject({ workingDays: 30 });
    for (const n of [4, 31, 0, -1, 7.5])
      expect(responseDueOn(cal, '2026-06-01', InstrumentKind.DECISION, n)).toEqual({
        problem: 'must be 5…30 working days',
      });
  });
});

describe('SUPERVISION_RESPONSE_OVERDUE', () => {
  const fact = {
    id: 'i1',
    agencyId: 'a1',
    kind: InstrumentKind.DECISION,
    dueOn: '2026-10-20',
    subject: '纠正违法处罚',
  };

  test('waiting for the agency after the due day: a finding from the next day (Asia/Shanghai)', () => {
    expect(isResponseOverdue({ status: S.ISSUED, dueOn: '2026-10-20' }, '2026-10-20')).toBe(false);
    expect(isResponseOverdue({ status: S.ISSUED, dueOn: '2026-10-20' }, '2026-10-21')).toBe(true);
    expect(instrumentFindings([{ ...fact, status: S.ISSUED }], '2026-10-21')).toEqual([
      {
        kind: FindingKind.SUPERVISION_RESPONSE_OVERDUE,
        agency: { id: 'a1' },
        subjectId: 'i1',
        since: new Date('2026-10-20T16:00:00.000Z'),
        detail: expect.stringContaining('2026-10-20'),
      },
    ]);
  });

  test('on the due day, after a response, or once closed: none', () => {
    expect(instrumentFindings([{ ...fact, status: S.ISSUED }], '2026-10-20')).toEqual([]);
    expect(instrumentFindings([{ ...fact, status: S.RESPONDED }], '2026-12-01')).toEqual([]);
    expect(instrumentFindings([{ ...fact, status: S.CLOSED }], '2026-12-01')).toEqual([]);
  });
});

describe('interviews and notices', () => {
  const now = new Date('2026-11-10T08:00:00Z');
  test('an interview is recorded once held', () => {
    expect(heldAtProblem(new Date('2026-11-09T02:00:00Z'), now)).toBeNull();
    expect(heldAtProblem(new Date('2026-11-11T02:00:00Z'), now)).toContain('after it is held');
    expect(heldAtProblem(new Date('1999-12-31T00:00:00Z'), now)).toBe('before 2000');
  });
  test('a notice is withdrawn once', () => {
    expect(withdrawProblem({ withdrawnAt: null })).toBeNull();
    expect(withdrawProblem({ withdrawnAt: now })).toContain('already withdrawn');
  });
});
