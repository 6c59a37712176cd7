import { EnforcementCategory } from '@tsp/shared';

import { applicableItems, assertPassable, blankChecklist, mergeAnswers, unanswered } from '../src/rules/checklist';

const P = EnforcementCategory.PENALTY;
const lawful = (cat: EnforcementCategory) =>
  applicableItems(cat).map((i) => ({ code: i.code, answer: i.passingAnswer, comment: null }));

describe('checklist (the legal-review form)', () => {
  test("six common items plus the category's own", () => {
    expect(applicableItems(P)).toHaveLength(10);
    expect(applicableItems(EnforcementCategory.LICENSING).map((i) => i.code)).toContain('COMPENSATION_PLAN');
    expect(applicableItems(EnforcementCategory.COERCION)).toHaveLength(9);
    expect(applicableItems(EnforcementCategory.INSPECTION)).toHaveLength(6);
  });

  test('a complete lawful form may pass', () => {
    const form = mergeAnswers(P, blankChecklist(P), lawful(P));
    expect(unanswered(P, form)).toEqual([]);
    expect(() => assertPassable(P, form)).not.toThrow();
  });

  test('an unanswered item blocks PASS, naming it', () => {
    const form = mergeAnswers(
      P,
      blankChecklist(P),
      lawful(P).filter((a) => a.code !== 'DISCRETION_REASONABLE'),
    );
    expect(() => assertPassable(P, form)).toThrow(/unanswered: DISCRETION_REASONABLE/);
  });

  test('a defect blocks PASS: 否 on a common item, or 是 on 涉嫌犯罪需要移送', () => {
    const withNo = mergeAnswers(
      P,
      blankChecklist(P),
      lawful(P).map((a) => (a.code === 'FACTS_CLEAR' ? { ...a, answer: false } : a)),
    );
    expect(() => assertPassable(P, withNo)).toThrow(/FACTS_CLEAR/);
    const crime = mergeAnswers(
      P,
      blankChecklist(P),
      lawful(P).map((a) => (a.code === 'CRIME_TRANSFER' ? { ...a, answer: true } : a)),
    );
    expect(() => assertPassable(P, crime)).toThrow(/CRIME_TRANSFER/);
  });

  test('items of another category or answered twice are refused', () => {
    expect(() =>
      mergeAnswers(P, blankChecklist(P), [{ code: 'COMPENSATION_PLAN', answer: true, comment: null }]),
    ).toThrow(/not an item of the PENALTY form/);
    expect(() =>
      mergeAnswers(P, blankChecklist(P), [
        { code: 'FACTS_CLEAR', answer: true, comment: null },
        { code: 'FACTS_CLEAR', answer: false, comment: null },
      ]),
    ).toThrow(/twice/);
  });

  test('answers merge into the stored form and keep earlier ones', () => {
    const first = mergeAnswers(P, blankChecklist(P), [{ code: 'FACTS_CLEAR', answer: false, comment: '证据不足' }]);
    const second = mergeAnswers(P, first, [{ code: 'PROCEDURE_LAWFUL', answer: true, comment: null }]);
    expect(second.find((a) => a.code === 'FACTS_CLEAR')).toEqual({
      code: 'FACTS_CLEAR',
      answer: false,
      comment: '证据不足',
    });
    expect(unanswered(P, second)).toHaveLength(8);
  });
});
