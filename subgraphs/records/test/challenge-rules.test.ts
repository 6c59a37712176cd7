import { CHALLENGE_OUTCOMES, EnforcementCategory, FindingKind } from '@tsp/shared';

import {
  challengeDateProblem,
  ChallengeKind,
  ChallengeOutcome as O,
  OVERTURNING_OUTCOMES,
  overturns,
  transitionProblem,
} from '../src/rules/challenge';
import { recordFindings } from '../src/rules/findings';

/** 行政复议法 §63–§69, 行政诉讼法 §69–§77: which outcomes correct a decision, how a challenge is decided, its dates. */
describe('overturning outcomes (被纠错)', () => {
  test('changed, revoked, confirmed unlawful and confirmed void overturn the decision', () => {
    for (const o of [O.CHANGED, O.REVOKED, O.CONFIRMED_UNLAWFUL, O.CONFIRMED_VOID]) expect(overturns(o)).toBe(true);
    expect([...OVERTURNING_OUTCOMES].sort()).toEqual(['CHANGED', 'CONFIRMED_UNLAWFUL', 'CONFIRMED_VOID', 'REVOKED']);
  });
  test('upheld, dismissed, withdrawn and pending do not', () => {
    for (const o of [O.PENDING, O.UPHELD, O.DISMISSED, O.WITHDRAWN]) expect(overturns(o)).toBe(false);
  });
  test("the rules' outcomes are exactly the event contract's", () => {
    expect(Object.values(O)).toEqual([...CHALLENGE_OUTCOMES]);
  });
});

describe('transitions: decided once, from PENDING', () => {
  test('PENDING may become any outcome', () => {
    for (const o of Object.values(O).filter((x) => x !== O.PENDING)) expect(transitionProblem(O.PENDING, o)).toBeNull();
  });
  test('PENDING is not an outcome to decide', () => {
    expect(transitionProblem(O.PENDING, O.PENDING)).toMatch(/PENDING is not one/);
  });
  test('an outcome is final, even the same one again', () => {
    expect(transitionProblem(O.UPHELD, O.REVOKED)).toMatch(/already decided \(UPHELD\)/);
    expect(transitionProblem(O.REVOKED, O.REVOKED)).toMatch(/already decided/);
  });
});

describe('dates', () => {
  const base = { decisionOn: '2026-09-29', filedOn: '2026-10-08', today: '2026-12-01' };
  test('a pending challenge filed after the decision, and an outcome after the filing, pass', () => {
    expect(challengeDateProblem({ ...base, outcome: O.PENDING, decidedOn: null })).toBeNull();
    expect(challengeDateProblem({ ...base, outcome: O.REVOKED, decidedOn: '2026-11-30' })).toBeNull();
    // The boundaries: filed the decision day, decided the filing day and today.
    expect(
      challengeDateProblem({ ...base, filedOn: '2026-09-29', outcome: O.UPHELD, decidedOn: '2026-09-29' }),
    ).toBeNull();
    expect(challengeDateProblem({ ...base, outcome: O.UPHELD, decidedOn: '2026-12-01' })).toBeNull();
  });
  test('filed before the decision or in the future', () => {
    expect(challengeDateProblem({ ...base, filedOn: '2026-09-28', outcome: O.PENDING, decidedOn: null })?.[0]).toBe(
      'filedOn',
    );
    expect(challengeDateProblem({ ...base, filedOn: '2026-12-02', outcome: O.PENDING, decidedOn: null })?.[1]).toMatch(
      /future/,
    );
  });
  test('an outcome without its day, before the filing or in the future; a pending one with a day', () => {
    expect(challengeDateProblem({ ...base, outcome: O.REVOKED, decidedOn: null })?.[0]).toBe('decidedOn');
    expect(challengeDateProblem({ ...base, outcome: O.REVOKED, decidedOn: '2026-10-07' })?.[1]).toMatch(/filing/);
    expect(challengeDateProblem({ ...base, outcome: O.REVOKED, decidedOn: '2026-12-02' })?.[1]).toMatch(/future/);
    expect(challengeDateProblem({ ...base, outcome: O.PENDING, decidedOn: '2026-11-01' })?.[0]).toBe('decidedOn');
  });
});

describe('DECISION_OVERTURNED finding', () => {
  const facts = {
    caseId: 'c1',
    caseNumber: '宁规罚〔2026〕1号',
    category: EnforcementCategory.PENALTY,
    kind: ChallengeKind.RECONSIDERATION,
    body: '宁晋县人民政府',
    reference: '宁政复〔2026〕3号',
    decidedOn: '2026-11-02',
  };
  const run = (outcome: O) =>
    recordFindings({
      agencyId: 'a',
      today: '2026-12-01',
      cases: [],
      entries: [],
      audioVisualList: [],
      overturned: [{ ...facts, outcome }],
    });
  test('one finding per overturned decision, since the day it was decided', () => {
    const [f, ...rest] = run(O.REVOKED);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: FindingKind.DECISION_OVERTURNED, subjectId: 'c1', category: 'PENALTY' });
    expect(f.since).toEqual(new Date('2026-11-02T00:00:00+08:00'));
    expect(f.detail).toContain('行政复议（宁晋县人民政府 宁政复〔2026〕3号）');
  });
  test('none for an outcome that leaves the decision standing', () => {
    expect(run(O.UPHELD)).toEqual([]);
  });
});
