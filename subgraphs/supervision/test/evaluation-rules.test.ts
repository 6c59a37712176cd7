import { EnforcementCategory, FindingKind } from '@tsp/shared';

import { evaluatorProblem } from '../src/rules/cross-evaluation';
import { agencyResults, evaluationFindings } from '../src/rules/evaluation-findings';
import { EvaluationGrade, EvaluationItemKind } from '../src/rules/evaluation-kinds';
import { gradeOf, type ItemScore, scoreSubmission } from '../src/rules/evaluation-score';
import { type TemplateItem, templateProblem } from '../src/rules/evaluation-template';

const veto = (code: string, name = code): TemplateItem => ({
  code,
  name,
  kind: EvaluationItemKind.VETO,
  maxPoints: null,
});
const item = (code: string, maxPoints: number): TemplateItem => ({
  code,
  name: code,
  kind: EvaluationItemKind.SCORED,
  maxPoints,
});
const TEMPLATE = [
  veto('V1', '执法主体不合法'),
  veto('V2', '超越职权'),
  item('EV', 30),
  item('PR', 30),
  item('LA', 20),
  item('DOC', 20),
];

describe('template', () => {
  test('veto items plus scored items totalling 100 make a template', () => {
    expect(templateProblem(TEMPLATE)).toBeNull();
  });
  test('a total other than 100 is refused', () => {
    expect(templateProblem([...TEMPLATE.slice(0, 5), item('DOC', 19)])).toMatchObject({ field: 'items' });
    expect(templateProblem([...TEMPLATE, item('X', 1)])?.message).toContain('101');
  });
  test('duplicate codes, more than 50 items, bad points and points on a veto item are refused', () => {
    expect(templateProblem([...TEMPLATE.slice(0, 5), item('EV', 20)])).toEqual({
      field: 'items[5].code',
      message: expect.stringContaining('duplicate'),
    });
    const many = [...Array.from({ length: 50 }, (_, i) => veto(`V${i}`)), item('ALL', 100)];
    expect(templateProblem(many.slice(1))).toBeNull();
    expect(templateProblem(many)?.message).toContain('at most 50');
    expect(templateProblem([item('A', 50.5), item('B', 49.5)])?.field).toBe('items[0].maxPoints');
    expect(templateProblem([{ ...veto('V'), maxPoints: 5 }, item('A', 100)])?.field).toBe('items[0].maxPoints');
    expect(templateProblem([item('bad code', 100)])?.field).toBe('items[0].code');
    expect(templateProblem([])).not.toBeNull();
  });
});

describe('grade bands (优秀 ≥ 90, 合格 ≥ 60, 不合格 < 60 or a veto failed)', () => {
  test.each([
    [100, false, EvaluationGrade.EXCELLENT],
    [90, false, EvaluationGrade.EXCELLENT],
    [89.5, false, EvaluationGrade.PASSED],
    [60, false, EvaluationGrade.PASSED],
    [59.5, false, EvaluationGrade.FAILED],
    [0, false, EvaluationGrade.FAILED],
    [100, true, EvaluationGrade.FAILED],
  ])('%p points, veto failed %p → %p', (total, vetoFailed, grade) => {
    expect(gradeOf(total, vetoFailed)).toBe(grade);
  });
});

describe('scoring', () => {
  const full = (over: Partial<Record<string, Partial<ItemScore>>> = {}): ItemScore[] =>
    TEMPLATE.map((t) => ({
      code: t.code,
      points: t.kind === EvaluationItemKind.VETO ? null : t.maxPoints,
      vetoFailed: t.kind === EvaluationItemKind.VETO ? false : null,
      comment: null,
      ...over[t.code],
    }));

  test('every item scored within its maximum gives the total and grade', () => {
    expect(scoreSubmission(TEMPLATE, full({ EV: { points: 25.5 } }))).toMatchObject({
      total: 95.5,
      vetoFailed: false,
      grade: EvaluationGrade.EXCELLENT,
    });
  });
  test('a failed veto item makes a full-marks file 不合格', () => {
    expect(scoreSubmission(TEMPLATE, full({ V2: { vetoFailed: true } }))).toMatchObject({
      total: 100,
      vetoFailed: true,
      grade: EvaluationGrade.FAILED,
    });
  });
  test('points beyond the maximum, negative, or not in half points are refused naming the item', () => {
    expect(scoreSubmission(TEMPLATE, full({ LA: { points: 20.5 } }))).toMatchObject({ field: 'items[4].points' });
    expect(scoreSubmission(TEMPLATE, full({ LA: { points: -1 } }))).toMatchObject({ field: 'items[4].points' });
    expect(scoreSubmission(TEMPLATE, full({ LA: { points: 10.25 } }))).toMatchObject({ field: 'items[4].points' });
    expect(scoreSubmission(TEMPLATE, full({ LA: { points: 20 } }))).toMatchObject({ total: 100 });
  });
  test('every item is required, once; unknown codes and the wrong kind of answer are refused', () => {
    expect(scoreSubmission(TEMPLATE, full().slice(1))).toMatchObject({
      field: 'items',
      message: expect.stringContaining('V1'),
    });
    expect(scoreSubmission(TEMPLATE, [...full(), full()[2]])).toMatchObject({ field: 'items[6].code' });
    expect(
      scoreSubmission(TEMPLATE, [...full(), { code: 'ZZ', points: 1, vetoFailed: null, comment: null }]),
    ).toMatchObject({
      field: 'items[6].code',
    });
    expect(scoreSubmission(TEMPLATE, full({ V1: { points: 1 } }))).toMatchObject({ field: 'items[0].points' });
    expect(scoreSubmission(TEMPLATE, full({ V1: { vetoFailed: null } }))).toMatchObject({
      field: 'items[0].vetoFailed',
    });
    expect(scoreSubmission(TEMPLATE, full({ EV: { points: null } }))).toMatchObject({ field: 'items[2].points' });
    expect(scoreSubmission(TEMPLATE, full({ EV: { vetoFailed: true } }))).toMatchObject({
      field: 'items[2].vetoFailed',
    });
  });
});

describe('cross-evaluation', () => {
  const file = { agencyId: 'A', region: '宁晋县' };
  test('an officer of another agency of the region may evaluate', () => {
    expect(evaluatorProblem({ agencyId: 'B', region: '宁晋县' }, file)).toBeNull();
  });
  test('an officer of the case’s own agency, of another region, or unknown may not', () => {
    expect(evaluatorProblem({ agencyId: 'A', region: '宁晋县' }, file)).toContain('own agency');
    expect(evaluatorProblem({ agencyId: 'C', region: '柏乡县' }, file)).toContain('region');
    expect(evaluatorProblem(null, file)).toContain('no such officer');
  });
});

describe('results and findings', () => {
  const scored = [
    { agencyId: 'A', total: 95, grade: EvaluationGrade.EXCELLENT },
    { agencyId: 'A', total: 70, grade: EvaluationGrade.PASSED },
    { agencyId: 'A', total: 100, grade: EvaluationGrade.FAILED },
    { agencyId: 'B', total: 50, grade: EvaluationGrade.FAILED },
  ];
  test('per agency: count, average to one decimal, grades', () => {
    expect(agencyResults(scored)).toEqual([
      { agencyId: 'A', evaluated: 3, average: 88.3, excellent: 1, passed: 1, failed: 1 },
      { agencyId: 'B', evaluated: 1, average: 50, excellent: 0, passed: 0, failed: 1 },
    ]);
  });
  test('only a 不合格 file is a CASE_FILE_FAILED finding, on the case, naming the plan, since it was scored', () => {
    const at = new Date('2026-11-30T02:00:00Z');
    const fact = (grade: EvaluationGrade, vetoFailed = false) => ({
      caseId: `case-${grade}`,
      agencyId: 'A',
      caseNumber: '宁规罚〔2026〕1号',
      category: EnforcementCategory.PENALTY,
      planTitle: '2026年度案卷评查',
      year: 2026,
      grade,
      total: 100,
      vetoFailed,
      scoredAt: at,
    });
    const found = evaluationFindings([fact(EvaluationGrade.EXCELLENT), fact(EvaluationGrade.FAILED, true)]);
    expect(found).toEqual([
      expect.objectContaining({
        kind: FindingKind.CASE_FILE_FAILED,
        subjectId: 'case-FAILED',
        since: at,
        category: 'PENALTY',
      }),
    ]);
    expect(found[0].detail).toContain('2026年度案卷评查');
    expect(found[0].detail).toContain('否决项');
  });
});
