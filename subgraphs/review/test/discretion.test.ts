import {
  type DiscretionBenchmark,
  DiscretionCircumstance,
  DiscretionTier,
  EnforcementCategory,
  PenaltyKind,
} from '@tsp/shared';

import { blankChecklist, mergeAnswers } from '../src/rules/checklist';
import { departureReviewId, type ReviewedDiscretion } from '../src/rules/departure';
import { type ProposalDiscretion, proposalDiscretion } from '../src/rules/discretion';
import { assertDiscretionPassable, discretionItem, keepCheckComment, preAnswered } from '../src/rules/discretion-item';

const AGENCY = '11111111-1111-4111-8111-111111111111';
const BENCH = '22222222-2222-4222-8222-222222222222';
const benchmark: DiscretionBenchmark = {
  id: BENCH,
  agencyId: AGENCY,
  enforcementItemId: '33333333-3333-4333-8333-333333333333',
  violation: '销售不符合食品安全标准的食品',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  tiers: [
    { tier: DiscretionTier.NO_PENALTY, circumstances: '轻微', minFine: null, maxFine: null },
    { tier: DiscretionTier.LENIENT, circumstances: '从轻', minFine: '50000.00', maxFine: '100000.00' },
    { tier: DiscretionTier.ORDINARY, circumstances: '一般', minFine: '100000.01', maxFine: '200000.00' },
  ],
  minorExemption: '货值不超过500元，及时改正，未造成危害后果',
  firstViolationExemption: null,
  active: true,
  version: 3,
};
const choice = (tier: DiscretionTier, over: Partial<{ departureReason: string | null }> = {}) => ({
  benchmarkId: BENCH,
  tier,
  circumstances: [] as DiscretionCircumstance[],
  departureReason: null,
  ...over,
});
const fine = (amount: string) => ({ penaltyKinds: [PenaltyKind.WARNING, PenaltyKind.FINE], fineAmount: amount });
const P = EnforcementCategory.PENALTY;
const item = (form: { code: string; answer: boolean | null; comment: string | null }[]) =>
  form.find((a) => a.code === 'DISCRETION_REASONABLE')!;

describe('the benchmark a proposal applies', () => {
  test('an unknown, retired or other agency benchmark is refused naming the field', () => {
    const go = (b: DiscretionBenchmark | null) => () =>
      proposalDiscretion(b, AGENCY, choice(DiscretionTier.LENIENT), fine('60000'));
    expect(go(null)).toThrow(/no such discretion benchmark/);
    expect(go({ ...benchmark, active: false })).toThrow(/retired/);
    expect(go({ ...benchmark, agencyId: '44444444-4444-4444-8444-444444444444' })).toThrow(/another agency/);
    expect(go(benchmark)).not.toThrow();
  });

  test('keeps the version, the tier and its range, and the departures the shared rule finds', () => {
    const d = proposalDiscretion(benchmark, AGENCY, choice(DiscretionTier.LENIENT), fine('150000'));
    expect(d).toMatchObject({ benchmarkVersion: 3, tier: 'LENIENT', minFine: '50000.00', maxFine: '100000.00' });
    expect(d.departures.map((x) => x.code)).toEqual(['FINE_OUTSIDE_TIER']);
  });
});

describe('the DISCRETION_REASONABLE item (国办发〔2022〕27号, 行政处罚法 §5/§33)', () => {
  test('met: within the tier it is pre-answered 是, the comment naming tier and range, and PASS is open', () => {
    const d = proposalDiscretion(benchmark, AGENCY, choice(DiscretionTier.LENIENT), fine('80000.00'));
    const form = preAnswered(blankChecklist(P), d);
    expect(item(form).answer).toBe(true);
    expect(item(form).comment).toMatch(/LENIENT.*50000\.00–100000\.00/);
    expect(form.filter((a) => a.answer !== null)).toHaveLength(1);
    expect(() => assertDiscretionPassable(d)).not.toThrow();
  });

  test('broken: a departure without a reason is pre-answered 否 and PASS is refused even when answered 是', () => {
    const d = proposalDiscretion(benchmark, AGENCY, choice(DiscretionTier.LENIENT), fine('150000.00'));
    const form = preAnswered(blankChecklist(P), d);
    expect(item(form).answer).toBe(false);
    expect(item(form).comment).toMatch(/FINE_OUTSIDE_TIER/);
    const given = [{ code: 'DISCRETION_REASONABLE', answer: true, comment: '合理' }];
    const answered = keepCheckComment(mergeAnswers(P, form, given), given, d);
    expect(item(answered).answer).toBe(true);
    expect(() => assertDiscretionPassable(d)).toThrow(/DISCRETION_REASONABLE/);
  });

  test('a departure with a reason is left to the reviewer; the comment lists departures and reason and keeps them', () => {
    const d = proposalDiscretion(
      benchmark,
      AGENCY,
      choice(DiscretionTier.NO_PENALTY, { departureReason: '当事人拒不改正' }),
      fine('1000.00'),
    );
    expect(d.departures.map((x) => x.code)).toEqual(['PENALTY_IN_NO_PENALTY_TIER']);
    const form = preAnswered(blankChecklist(P), d);
    expect(item(form).answer).toBeNull();
    expect(item(form).comment).toMatch(/PENALTY_IN_NO_PENALTY_TIER.*当事人拒不改正/);
    expect(() => assertDiscretionPassable(d)).not.toThrow();
    const given = [{ code: 'DISCRETION_REASONABLE', answer: true, comment: '理由成立' }];
    const answered = keepCheckComment(mergeAnswers(P, form, given), given, d);
    expect(item(answered)).toMatchObject({ answer: true });
    expect(item(answered).comment).toMatch(/当事人拒不改正.*审核人 \/ reviewer: 理由成立/);
  });

  test('without a benchmark the item stays a bare yes/no', () => {
    expect(discretionItem(null)).toBeNull();
    expect(item(preAnswered(blankChecklist(P), null))).toEqual({
      code: 'DISCRETION_REASONABLE',
      answer: null,
      comment: null,
    });
    expect(() => assertDiscretionPassable(null)).not.toThrow();
  });
});

describe('which PASSED review covers a departure', () => {
  const departing = (tier: DiscretionTier, reason: string | null): ProposalDiscretion =>
    proposalDiscretion(benchmark, AGENCY, choice(tier, { departureReason: reason }), fine('150000.00'));
  const reviewed = (
    reviewId: string,
    discretion: ProposalDiscretion | null,
    amount = '150000.00',
  ): ReviewedDiscretion => ({
    reviewId,
    penaltyKinds: [PenaltyKind.WARNING, PenaltyKind.FINE],
    fineAmount: amount,
    confiscationAmount: null,
    discretion,
  });
  const asked = { benchmarkId: BENCH.toUpperCase(), tier: DiscretionTier.LENIENT };

  test('the newest that named the same benchmark and tier, departed with a reason and covers the terms', () => {
    const passed = [
      reviewed('new', departing(DiscretionTier.LENIENT, '情节较重')),
      reviewed('old', departing(DiscretionTier.LENIENT, '情节较重')),
    ];
    expect(departureReviewId(passed, asked, fine('150000.00'))).toBe('new');
    expect(departureReviewId(passed, asked, { penaltyKinds: [PenaltyKind.FINE], fineAmount: '120000' })).toBe('new');
  });

  test('none for another tier, higher terms, a review within the benchmark, or no discretion asked', () => {
    const passed = [reviewed('rv', departing(DiscretionTier.LENIENT, '情节较重'))];
    expect(departureReviewId(passed, { ...asked, tier: DiscretionTier.ORDINARY }, fine('150000'))).toBeNull();
    expect(departureReviewId(passed, { ...asked, benchmarkId: AGENCY }, fine('150000'))).toBeNull();
    expect(departureReviewId(passed, asked, fine('150000.01'))).toBeNull();
    expect(departureReviewId(passed, null, fine('150000'))).toBeNull();
    const within = proposalDiscretion(benchmark, AGENCY, choice(DiscretionTier.LENIENT), fine('80000'));
    expect(departureReviewId([reviewed('in', within, '80000.00')], asked, fine('40000'))).toBeNull();
    expect(departureReviewId([reviewed('none', null)], asked, fine('150000'))).toBeNull();
  });

  test('none when the decision departs in a way the review did not (§33¶2 no fault)', () => {
    const passed = [reviewed('rv', departing(DiscretionTier.LENIENT, '情节较重'))];
    const same = { ...asked, departures: ['FINE_OUTSIDE_TIER'] };
    expect(departureReviewId(passed, same, fine('150000'))).toBe('rv');
    const more = { ...asked, departures: ['FINE_OUTSIDE_TIER', 'PENALTY_WHERE_EXEMPT'] };
    expect(departureReviewId(passed, more, fine('150000'))).toBeNull();
  });
});
