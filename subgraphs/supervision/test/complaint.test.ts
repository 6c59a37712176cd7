import { WorkingCalendar } from '@tsp/shared';

import {
  answerDueOn,
  complainantProblem,
  DEFAULT_DUE_WORKING_DAYS,
  isIdNumber,
  isOverdue,
  isPhone,
  statusAfter,
  transitionProblem,
} from '../src/rules/complaint';
import { ComplaintAction, ComplaintKind, ComplaintStatus } from '../src/rules/kinds';

// The real official calendar (chinese-days data): National Day 2026 is 1–7 October, Saturday 10 October is worked.
const cal = new WorkingCalendar();
const S = ComplaintStatus;
const A = ComplaintAction;

describe('transitions (行政执法监督条例; 信访工作条例 §22, §31)', () => {
  const allowed: [ComplaintAction, ComplaintStatus, ComplaintStatus][] = [
    [A.ACCEPT, S.SUBMITTED, S.ACCEPTED],
    [A.REJECT, S.SUBMITTED, S.REJECTED],
    [A.ASSIGN, S.ACCEPTED, S.ASSIGNED],
    [A.ANSWER, S.ASSIGNED, S.ANSWERED],
    [A.CLOSE, S.ANSWERED, S.CLOSED],
    [A.CLOSE, S.ACCEPTED, S.CLOSED],
    [A.REOPEN, S.ANSWERED, S.ASSIGNED],
    [A.REOPEN, S.CLOSED, S.ASSIGNED],
  ];
  test.each(allowed)('%s from %s → %s', (action, from, to) => {
    expect(transitionProblem(action, from)).toBeNull();
    expect(statusAfter(action)).toBe(to);
  });

  const refused: [ComplaintAction, ComplaintStatus][] = [
    [A.ACCEPT, S.ACCEPTED],
    [A.REJECT, S.ASSIGNED],
    [A.ASSIGN, S.SUBMITTED],
    [A.ASSIGN, S.REJECTED],
    [A.ANSWER, S.ACCEPTED],
    [A.ANSWER, S.ANSWERED],
    [A.CLOSE, S.ASSIGNED],
    [A.CLOSE, S.REJECTED],
    [A.REOPEN, S.ASSIGNED],
    [A.REOPEN, S.REJECTED],
  ];
  test.each(refused)('%s from %s is refused, naming the status', (action, from) => {
    expect(transitionProblem(action, from)).toContain(from);
  });

  test('every status but REJECTED leads somewhere; REJECTED is final', () => {
    for (const s of Object.values(S)) {
      const next = Object.values(A).filter((a) => transitionProblem(a, s) === null);
      expect([s, next.length > 0]).toEqual([s, s !== S.REJECTED]);
    }
  });
});

describe('the due day on the official calendar', () => {
  test('15 working days from 30 September 2026 skip National Day and count Saturday 10 October', () => {
    expect(answerDueOn(cal, '2026-09-30', DEFAULT_DUE_WORKING_DAYS, '2026-09-30')).toEqual({ dueOn: '2026-10-27' });
    // Three working days: 8, 9 and the make-up Saturday 10 October.
    expect(answerDueOn(cal, '2026-09-30', 3, null)).toEqual({ dueOn: '2026-10-10' });
    // Counting weekdays only would have given 21 October.
    expect(answerDueOn(cal, '2026-09-30', 15, null)).not.toEqual({ dueOn: '2026-10-21' });
  });

  test('outside 1…40 working days is a problem', () => {
    expect(answerDueOn(cal, '2026-03-02', 0, null)).toHaveProperty('problem');
    expect(answerDueOn(cal, '2026-03-02', 41, null)).toHaveProperty('problem');
    expect(answerDueOn(cal, '2026-03-02', 40, null)).toHaveProperty('dueOn');
  });

  test('a first assignment must fall within 60 days of acceptance (信访工作条例 §32); a reopening need not', () => {
    // Accepted on 1 September, assigned on 20 October: 15 working days run past 31 October.
    const late = answerDueOn(cal, '2026-10-20', 15, '2026-09-01');
    expect(late).toHaveProperty('problem');
    expect((late as { problem: string }).problem).toContain('2026-10-31');
    expect(answerDueOn(cal, '2026-10-20', 5, '2026-09-01')).toEqual({ dueOn: '2026-10-27' });
    expect(answerDueOn(cal, '2026-10-20', 15, null)).toHaveProperty('dueOn');
  });

  test('overdue the day after the due day, only while assigned', () => {
    const c = { status: S.ASSIGNED, dueOn: '2026-10-27' };
    expect(isOverdue(c, '2026-10-27')).toBe(false);
    expect(isOverdue(c, '2026-10-28')).toBe(true);
    expect(isOverdue({ ...c, status: S.ANSWERED }, '2026-11-30')).toBe(false);
  });
});

describe('who complains', () => {
  const named = { name: '张三', phone: '13800138000', idNumber: null };
  const none = { name: null, phone: null, idNumber: null };

  test('a complaint names the complainant with a phone', () => {
    expect(complainantProblem(ComplaintKind.COMPLAINT, false, named)).toBeNull();
    expect(complainantProblem(ComplaintKind.COMPLAINT, false, { ...named, name: null })?.field).toBe('name');
    expect(complainantProblem(ComplaintKind.COMPLAINT, false, { ...named, phone: null })?.field).toBe('phone');
    expect(complainantProblem(ComplaintKind.COMPLAINT, false, { ...named, phone: 'call me' })?.field).toBe('phone');
  });

  test('only a report may be anonymous, and then carries no identity', () => {
    expect(complainantProblem(ComplaintKind.REPORT, true, none)).toBeNull();
    expect(complainantProblem(ComplaintKind.COMPLAINT, true, none)?.field).toBe('anonymous');
    expect(complainantProblem(ComplaintKind.REPORT, true, { ...none, phone: '13800138000' })?.field).toBe('phone');
  });

  test('an ID number, when given, has its GB 11643 check character', () => {
    expect(isIdNumber('11010519491231002X')).toBe(true);
    expect(isIdNumber('110105194912310021')).toBe(false);
    expect(
      complainantProblem(ComplaintKind.COMPLAINT, false, { ...named, idNumber: '110105194912310021' })?.field,
    ).toBe('idNumber');
  });

  test('phones as people write them', () => {
    expect(isPhone('+86 138-0013-8000')).toBe(true);
    expect(isPhone('0319-5551234')).toBe(true);
    expect(isPhone('12345')).toBe(false);
  });
});
