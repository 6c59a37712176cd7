import {
  benchmarkProblem,
  type BenchmarkTerms,
  discretionCheck,
  DiscretionCircumstance as C,
  DiscretionTier as T,
  PenaltyKind,
} from '@tsp/shared';

/** 裁量基准 A benchmark with every tier but MITIGATED, on both exemption lists unless a test says otherwise. */
const BENCHMARK: BenchmarkTerms = {
  tiers: [
    { tier: T.NO_PENALTY, circumstances: '轻微并及时改正', minFine: null, maxFine: null },
    { tier: T.LENIENT, circumstances: '主动消除危害后果', minFine: '1000.00', maxFine: '3000.00' },
    { tier: T.ORDINARY, circumstances: '一般情形', minFine: '3000.00', maxFine: '7000.00' },
    { tier: T.HEAVIER, circumstances: '拒不改正', minFine: '7000.00', maxFine: null },
  ],
  minorExemption: '违法行为轻微，责令改正后及时改正，未造成危害后果',
  firstViolationExemption: '两年内初次违法，危害后果轻微，及时改正',
};
const FINE = [PenaltyKind.FINE];
const codes = (r: ReturnType<typeof discretionCheck>) => r.departures.map((d) => d.code);

describe('discretionCheck: tiers and fine ranges', () => {
  it.each([
    ['at the minimum', '1000.00'],
    ['inside', '2500'],
    ['at the maximum', '3000.00'],
  ])('a fine %s of the chosen tier passes', (_w, fine) => {
    expect(
      discretionCheck(BENCHMARK, { tier: T.LENIENT, circumstances: [] }, { penaltyKinds: FINE, fineAmount: fine }),
    ).toEqual({ departures: [], exemption: null });
  });

  it('a tier with no upper bound takes any fine above its minimum', () => {
    const r = discretionCheck(
      BENCHMARK,
      { tier: T.HEAVIER, circumstances: [] },
      { penaltyKinds: FINE, fineAmount: '99999' },
    );
    expect(r.departures).toEqual([]);
  });

  it.each([
    ['below the minimum', '999.99', /below/],
    ['above the maximum', '3000.01', /above/],
  ])('a fine %s is FINE_OUTSIDE_TIER, and says so', (_w, fine, why) => {
    const r = discretionCheck(
      BENCHMARK,
      { tier: T.LENIENT, circumstances: [] },
      { penaltyKinds: FINE, fineAmount: fine },
    );
    expect(codes(r)).toEqual(['FINE_OUTSIDE_TIER']);
    expect(r.departures[0].why).toMatch(why);
  });

  it('no fine where the tier starts above zero is FINE_OUTSIDE_TIER', () => {
    const r = discretionCheck(
      BENCHMARK,
      { tier: T.ORDINARY, circumstances: [] },
      { penaltyKinds: [PenaltyKind.WARNING], fineAmount: null },
    );
    expect(codes(r)).toEqual(['FINE_OUTSIDE_TIER']);
    expect(r.departures[0].why).toMatch(/no fine/);
  });

  it('no penalty in the NO_PENALTY tier passes; any penalty there is PENALTY_IN_NO_PENALTY_TIER', () => {
    const none = { tier: T.NO_PENALTY, circumstances: [] };
    expect(discretionCheck(BENCHMARK, none, { penaltyKinds: [], fineAmount: null }).departures).toEqual([]);
    expect(codes(discretionCheck(BENCHMARK, none, { penaltyKinds: [PenaltyKind.WARNING], fineAmount: null }))).toEqual([
      'PENALTY_IN_NO_PENALTY_TIER',
    ]);
    expect(codes(discretionCheck(BENCHMARK, none, { penaltyKinds: [], fineAmount: '200' }))).toEqual([
      'PENALTY_IN_NO_PENALTY_TIER',
    ]);
  });

  it('a tier the benchmark does not have is BAD_USER_INPUT on discretion.tier, not a departure', () => {
    expect(() =>
      discretionCheck(BENCHMARK, { tier: T.MITIGATED, circumstances: [] }, { penaltyKinds: FINE, fineAmount: '500' }),
    ).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'discretion.tier' }),
      }),
    );
  });
});

describe('discretionCheck: 行政处罚法 §33 exemptions', () => {
  const fined = { penaltyKinds: FINE, fineAmount: '2000' };
  const lenient = (circumstances: C[]) => ({ tier: T.LENIENT, circumstances });

  it('轻微不罚 met (minor + corrected + no harm, on the list): a penalty is PENALTY_WHERE_EXEMPT; none passes', () => {
    const found = [C.VIOLATION_MINOR, C.CORRECTED_IN_TIME, C.NO_HARM];
    const r = discretionCheck(BENCHMARK, lenient(found), fined);
    expect(r.exemption).toBe('MINOR');
    expect(codes(r)).toEqual(['PENALTY_WHERE_EXEMPT']);
    expect(r.departures[0].why).toMatch(/§33¶1/);
    const spared = discretionCheck(
      BENCHMARK,
      { tier: T.NO_PENALTY, circumstances: found },
      { penaltyKinds: [], fineAmount: null },
    );
    expect(spared).toEqual({ departures: [], exemption: 'MINOR' });
  });

  it.each([
    ['not corrected', [C.VIOLATION_MINOR, C.NO_HARM]],
    ['harm done (only minor)', [C.VIOLATION_MINOR, C.CORRECTED_IN_TIME, C.HARM_MINOR]],
    ['not minor', [C.CORRECTED_IN_TIME, C.NO_HARM]],
  ])('轻微不罚 broken (%s): no exemption, the fine stands', (_w, found) => {
    expect(discretionCheck(BENCHMARK, lenient(found), fined)).toEqual({ departures: [], exemption: null });
  });

  it('轻微不罚 does not apply to a violation the agency did not put on the list', () => {
    const off = { ...BENCHMARK, minorExemption: null };
    expect(
      discretionCheck(off, lenient([C.VIOLATION_MINOR, C.CORRECTED_IN_TIME, C.NO_HARM]), fined).exemption,
    ).toBeNull();
  });

  it.each([
    ['minor harm', C.HARM_MINOR],
    ['no harm', C.NO_HARM],
  ])('首违不罚 met (first, corrected, %s, on the list): a penalty is PENALTY_WHERE_EXEMPT', (_w, harm) => {
    const r = discretionCheck(BENCHMARK, lenient([C.FIRST_VIOLATION, C.CORRECTED_IN_TIME, harm]), fined);
    expect(r.exemption).toBe('FIRST_VIOLATION');
    expect(codes(r)).toEqual(['PENALTY_WHERE_EXEMPT']);
  });

  it('首违不罚 broken: not corrected, or not on the list', () => {
    expect(discretionCheck(BENCHMARK, lenient([C.FIRST_VIOLATION, C.HARM_MINOR]), fined).exemption).toBeNull();
    const off = { ...BENCHMARK, firstViolationExemption: null };
    expect(
      discretionCheck(off, lenient([C.FIRST_VIOLATION, C.CORRECTED_IN_TIME, C.HARM_MINOR]), fined).exemption,
    ).toBeNull();
  });

  it('没有主观过错 (§33¶2) applies whatever the lists say', () => {
    const bare = { ...BENCHMARK, minorExemption: null, firstViolationExemption: null };
    const r = discretionCheck(bare, lenient([C.NO_FAULT]), fined);
    expect(r.exemption).toBe('NO_FAULT');
    expect(codes(r)).toEqual(['PENALTY_WHERE_EXEMPT']);
    expect(r.departures[0].why).toMatch(/§33¶2/);
  });

  it('departures add up: a fine in the NO_PENALTY tier where exempt is both', () => {
    const r = discretionCheck(BENCHMARK, { tier: T.NO_PENALTY, circumstances: [C.NO_FAULT] }, fined);
    expect(codes(r).sort()).toEqual(['PENALTY_IN_NO_PENALTY_TIER', 'PENALTY_WHERE_EXEMPT']);
  });
});

describe('benchmarkProblem', () => {
  const tier = (t: T, minFine: string | null, maxFine: string | null) => ({
    tier: t,
    circumstances: '情形',
    minFine,
    maxFine,
  });

  it('a well-formed benchmark has none', () => {
    expect(benchmarkProblem(BENCHMARK)).toBeNull();
    expect(benchmarkProblem({ tiers: [tier(T.ORDINARY, '500', '500')] })).toBeNull();
  });

  it.each([
    ['no tier', [], 'tiers'],
    ['a tier twice', [tier(T.ORDINARY, '1', '2'), tier(T.ORDINARY, '3', '4')], 'tiers[1].tier'],
    ['min above max', [tier(T.LENIENT, '3000.01', '3000')], 'tiers[0].minFine'],
    ['a negative amount', [tier(T.LENIENT, '-1', '3000')], 'tiers[0].minFine'],
    ['a malformed amount', [tier(T.LENIENT, '1', '3千')], 'tiers[0].maxFine'],
    ['a fine in the NO_PENALTY tier', [tier(T.NO_PENALTY, null, '100')], 'tiers[0].maxFine'],
  ])('%s is a problem naming the field', (_w, tiers, field) => {
    expect(benchmarkProblem({ tiers })).toMatchObject({ field });
  });
});
