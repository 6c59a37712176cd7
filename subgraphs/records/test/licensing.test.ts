import { EnforcementCategory, FindingKind, WorkingCalendar } from '@tsp/shared';

import { recordFindings } from '../src/rules/findings';
import { CaseStage as S, RecordActivity as A } from '../src/rules/kinds';
import {
  acceptanceDueOn,
  acceptedFrom,
  isAcceptanceOverdue,
  isLicensingDecisionOverdue,
  latestExtendedDueOn,
  licensingDecisionDueOn,
  licensingExtensionProblem,
} from '../src/rules/licensing';
import { stageProblem } from '../src/rules/stages';

/**
 * 行政许可期限 (行政许可法 §32, §42, §82) on the official calendar (chinese-days): an application received Tue
 * 2026-09-29; the next working days are 09-30, then 国庆 10-01..10-07 off, 10-08, 10-09, Sat 10-10 (调休, a working
 * day), 10-12. Five weekdays would end on 10-06, in the middle of the holiday.
 */
const cal = new WorkingCalendar();
const filedOn = '2026-09-29';

describe('§32: the answer is due 5 working days after receipt', () => {
  test('due on 10-12 across 国庆 and its make-up Saturday, not on 10-06', () => {
    expect(acceptanceDueOn(filedOn, cal)).toBe('2026-10-12');
  });
  test('an ADMIN override counts (10-12 declared a rest day moves it to 10-13)', () => {
    expect(acceptanceDueOn(filedOn, new WorkingCalendar(new Map([['2026-10-12', false]])))).toBe('2026-10-13');
  });
  test('met: answered on the due day, or still open on the due day; decided on the spot without an ACCEPTANCE', () => {
    const due = '2026-10-12';
    expect(isAcceptanceOverdue({ dueOn: due, acceptedOn: '2026-10-12', decidedOn: null }, '2026-12-01')).toBe(false);
    expect(isAcceptanceOverdue({ dueOn: due, acceptedOn: null, decidedOn: null }, '2026-10-12')).toBe(false);
    expect(isAcceptanceOverdue({ dueOn: due, acceptedOn: null, decidedOn: '2026-09-29' }, '2026-12-01')).toBe(false);
    expect(isAcceptanceOverdue({ dueOn: null, acceptedOn: null, decidedOn: null }, '2030-01-01')).toBe(false);
  });
  test('broken: answered the day after, never answered past the due day, or first answered by a late decision', () => {
    const due = '2026-10-12';
    expect(isAcceptanceOverdue({ dueOn: due, acceptedOn: '2026-10-13', decidedOn: null }, '2026-10-13')).toBe(true);
    expect(isAcceptanceOverdue({ dueOn: due, acceptedOn: null, decidedOn: null }, '2026-10-13')).toBe(true);
    expect(isAcceptanceOverdue({ dueOn: due, acceptedOn: null, decidedOn: '2026-10-20' }, '2026-12-01')).toBe(true);
  });
});

describe('§42: the decision is due 20 working days after acceptance (§32: after receipt when late or not recorded)', () => {
  test('accepted in time on 10-09 (after the holiday): due 11-05', () => {
    const f = { filedOn, acceptedOn: '2026-10-09' };
    expect(acceptedFrom(f, cal)).toBe('2026-10-09');
    expect(licensingDecisionDueOn(f, cal)).toBe('2026-11-05');
  });
  test('accepted on the last day 10-12: due 11-09 (two working days after 10-09: Sat 10-10 counts)', () => {
    expect(licensingDecisionDueOn({ filedOn, acceptedOn: '2026-10-12' }, cal)).toBe('2026-11-09');
  });
  test('accepted late on 10-13, or not recorded: deemed accepted on receipt, due 11-02', () => {
    expect(acceptedFrom({ filedOn, acceptedOn: '2026-10-13' }, cal)).toBe(filedOn);
    expect(licensingDecisionDueOn({ filedOn, acceptedOn: '2026-10-13' }, cal)).toBe('2026-11-02');
    expect(licensingDecisionDueOn({ filedOn, acceptedOn: null }, cal)).toBe('2026-11-02');
  });
  test('met on the due day; broken the day after unless decided', () => {
    expect(isLicensingDecisionOverdue({ dueOn: '2026-11-05', decided: false }, '2026-11-05')).toBe(false);
    expect(isLicensingDecisionOverdue({ dueOn: '2026-11-05', decided: false }, '2026-11-06')).toBe(true);
    expect(isLicensingDecisionOverdue({ dueOn: '2026-11-05', decided: true }, '2026-12-01')).toBe(false);
  });
});

describe('§42: an extension adds at most 10 working days, once the acceptance is recorded', () => {
  const f = { filedOn, acceptedOn: '2026-10-09' };
  test('met: up to 11-19 (20 + 10 working days from 10-09)', () => {
    expect(latestExtendedDueOn(f, cal)).toBe('2026-11-19');
    expect(licensingExtensionProblem(f, '2026-11-19', cal)).toBeNull();
    expect(licensingExtensionProblem(f, '2026-11-10', cal)).toBeNull();
  });
  test('broken: one working day more (11-20), or no acceptance recorded yet', () => {
    expect(licensingExtensionProblem(f, '2026-11-20', cal)).toMatch(/at most 10 working days, to 2026-11-19/);
    expect(licensingExtensionProblem({ filedOn, acceptedOn: null }, '2026-11-10', cal)).toMatch(/ACCEPTANCE first/);
  });
  test('a late acceptance extends from receipt: at most 11-16', () => {
    expect(latestExtendedDueOn({ filedOn, acceptedOn: '2026-10-13' }, cal)).toBe('2026-11-16');
  });
});

describe('ACCEPTANCE is recorded in licensing cases, at FILING', () => {
  test('met: a licensing case at FILING', () => {
    expect(stageProblem(EnforcementCategory.LICENSING, S.FILING, S.FILING, A.ACCEPTANCE)).toBeNull();
  });
  test('broken: another category, a later stage, going back from EXAMINATION', () => {
    expect(stageProblem(EnforcementCategory.PENALTY, S.FILING, S.FILING, A.ACCEPTANCE)).toMatch(/licensing/);
    expect(stageProblem(EnforcementCategory.LICENSING, S.FILING, S.EXAMINATION, A.ACCEPTANCE)).toMatch(/at FILING/);
    expect(stageProblem(EnforcementCategory.LICENSING, S.EXAMINATION, S.FILING, A.ACCEPTANCE)).toMatch(/go back/);
  });
});

describe('recordFindings: the two licensing findings from the day after their due days', () => {
  const findings = (today: string) =>
    recordFindings({
      agencyId: 'a1',
      today,
      cases: [
        {
          id: 'c1',
          caseNumber: 'L1',
          category: EnforcementCategory.LICENSING,
          decisionDueOn: '2026-11-02',
          decided: false,
        },
        {
          id: 'p1',
          caseNumber: 'P1',
          category: EnforcementCategory.PENALTY,
          decisionDueOn: '2026-11-02',
          decided: false,
        },
      ],
      applications: [
        { caseId: 'c1', caseNumber: 'L1', acceptanceDueOn: '2026-10-12', acceptedOn: '2026-10-13', decidedOn: null },
      ],
      entries: [],
      audioVisualList: [],
    });
  test('a licensing case past its decision due day is LICENSING_DECISION_OVERDUE, not CASE_OVERDUE', () => {
    const all = findings('2026-11-03');
    expect(all.map((x) => [x.kind, x.subjectId, x.since.toISOString()])).toEqual([
      [FindingKind.LICENSING_DECISION_OVERDUE, 'c1', '2026-11-02T16:00:00.000Z'],
      [FindingKind.CASE_OVERDUE, 'p1', '2026-11-02T16:00:00.000Z'],
      [FindingKind.LICENSING_ACCEPTANCE_OVERDUE, 'c1', '2026-10-12T16:00:00.000Z'],
    ]);
    expect(all[0].detail).toContain('第四十二条');
    expect(all[2].detail).toMatch(/2026-10-12.*2026-10-13 受理/);
  });
  test('on the decision due day itself only the late acceptance shows', () => {
    expect(findings('2026-11-02').map((x) => x.kind)).toEqual([FindingKind.LICENSING_ACCEPTANCE_OVERDUE]);
  });
});
