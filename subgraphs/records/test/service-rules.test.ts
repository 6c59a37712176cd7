import { EnforcementCategory, FindingKind, PenaltyKind, WorkingCalendar } from '@tsp/shared';

import { recordFindings } from '../src/rules/findings';
import { RecordActivity as A } from '../src/rules/kinds';
import {
  decisionServedAt,
  isServiceActivity,
  isServiceOverdue,
  SERVICE_WORKING_DAYS,
  serviceDueOn,
} from '../src/rules/service';

/**
 * 送达期限 (行政处罚法 §61, §85) on the real calendar (chinese-days): decided Tue 2026-09-29, the next
 * working days are 09-30, then 国庆 10-01..10-07 off, 10-08, 10-09, Sat 10-10 (调休, a working day),
 * 10-12, 10-13, 10-14. Seven calendar days (10-06) or seven weekdays (10-12) would both be wrong.
 */
const cal = new WorkingCalendar();
const fine = { category: EnforcementCategory.PENALTY, penaltyKinds: [PenaltyKind.FINE], decidedOn: '2026-09-29' };

describe('service deadline (行政处罚法 §61: on the spot, or 7 working days if the party is absent)', () => {
  test('party absent: due 7 working days later, across 国庆 and its make-up Saturday', () => {
    expect(SERVICE_WORKING_DAYS).toBe(7);
    expect(serviceDueOn({ ...fine, partyPresent: false }, cal)).toBe('2026-10-14');
  });
  test('presence not recorded counts as absent; party present is due the decision day', () => {
    expect(serviceDueOn({ ...fine, partyPresent: null }, cal)).toBe('2026-10-14');
    expect(serviceDueOn({ ...fine, partyPresent: true }, cal)).toBe('2026-09-29');
  });
  test('no limit here for other categories, or a penalty case decided with no penalty', () => {
    expect(serviceDueOn({ ...fine, category: EnforcementCategory.LICENSING, partyPresent: false }, cal)).toBeNull();
    expect(serviceDueOn({ ...fine, penaltyKinds: [], partyPresent: false }, cal)).toBeNull();
  });
  test('an ADMIN override of the calendar counts (e.g. 10-12 declared a rest day)', () => {
    expect(serviceDueOn({ ...fine, partyPresent: false }, new WorkingCalendar(new Map([['2026-10-12', false]])))).toBe(
      '2026-10-15',
    );
  });
  test('met: unserved on the due day (after the holiday) is not overdue; served is never overdue', () => {
    expect(isServiceOverdue({ dueOn: '2026-10-14', servedOn: null }, '2026-10-14')).toBe(false);
    expect(isServiceOverdue({ dueOn: '2026-10-14', servedOn: '2026-10-13' }, '2026-12-01')).toBe(false);
    expect(isServiceOverdue({ dueOn: null, servedOn: null }, '2030-01-01')).toBe(false);
  });
  test('broken: still unserved the day after the due day', () => {
    expect(isServiceOverdue({ dueOn: '2026-10-14', servedOn: null }, '2026-10-15')).toBe(true);
  });
  test('service activities are direct service, by posting and by retention', () => {
    expect([A.SERVICE, A.SERVICE_BY_POSTING, A.SERVICE_BY_RETENTION].every(isServiceActivity)).toBe(true);
    expect(isServiceActivity(A.DOCUMENT)).toBe(false);
  });
  test('recordFindings reports SERVICE_OVERDUE from the day after the due day', () => {
    const unserved = [
      {
        caseId: 'c1',
        caseNumber: 'N1',
        category: EnforcementCategory.PENALTY,
        serviceDueOn: '2026-10-14',
        servedOn: null,
      },
    ];
    const base = { agencyId: 'A', audioVisualList: [], cases: [], entries: [], unserved };
    expect(recordFindings({ ...base, today: '2026-10-14' })).toEqual([]);
    expect(recordFindings({ ...base, today: '2026-10-15' })).toEqual([
      expect.objectContaining({
        kind: FindingKind.SERVICE_OVERDUE,
        subjectId: 'c1',
        since: new Date('2026-10-15T00:00:00+08:00'),
        detail: expect.stringContaining('2026-10-14'),
      }),
    ]);
  });
});

describe('decision served (行政处罚法 §61: the first service entry after the decision)', () => {
  const day = (d: string) => new Date(`${d}T10:00:00+08:00`);

  test('meets: the first service of a decided case serves the decision; an earlier one recorded later moves it back', () => {
    expect(decisionServedAt({ decided: true, servedAt: null }, A.SERVICE_BY_POSTING, day('2026-10-08'))).toEqual(
      day('2026-10-08'),
    );
    expect(decisionServedAt({ decided: true, servedAt: day('2026-10-09') }, A.SERVICE, day('2026-10-08'))).toEqual(
      day('2026-10-08'),
    );
  });

  test('breaks: service before the decision (事先告知书, §44), a later service, or another activity does not count', () => {
    expect(decisionServedAt({ decided: false, servedAt: null }, A.SERVICE, day('2026-10-08'))).toBeNull();
    expect(decisionServedAt({ decided: true, servedAt: day('2026-10-08') }, A.SERVICE, day('2026-10-09'))).toEqual(
      day('2026-10-08'),
    );
    expect(decisionServedAt({ decided: true, servedAt: null }, A.NOTE, day('2026-10-08'))).toBeNull();
  });
});
