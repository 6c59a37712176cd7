import { EnforcementCategory, PartyType, PenaltyKind } from '@tsp/shared';

import type { DecisionFacts } from '../src/rules/major';
import { reviewRequirementOf } from '../src/rules/requirement';
import { DEFAULT_LARGE_AMOUNTS } from '../src/rules/thresholds';

/** The one rule behind case.reviewRequirement and recordDecision's gate. */
const policy = { catalog: [], large: DEFAULT_LARGE_AMOUNTS };
const facts = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
  category: EnforcementCategory.PENALTY,
  partyType: PartyType.NATURAL_PERSON,
  penaltyKinds: [PenaltyKind.WARNING],
  fineAmount: null,
  confiscationAmount: null,
  amountInvolved: '80000.00',
  hearingHeld: false,
  ...over,
});
const reviewedFine = (fineAmount: string) => ({
  reviewId: 'rv1',
  penaltyKinds: [PenaltyKind.FINE],
  fineAmount,
  confiscationAmount: null,
});

describe('reviewRequirementOf', () => {
  test('a decision that is not major needs no review: covered, whatever was reviewed', () => {
    expect(reviewRequirementOf(facts(), policy, [])).toEqual({
      major: false,
      reasons: [],
      covered: true,
      reviewId: null,
      problem: null,
    });
    const small = facts({ penaltyKinds: [PenaltyKind.FINE], fineAmount: '9999.99' });
    expect(reviewRequirementOf(small, policy, []).covered).toBe(true);
  });

  test('a major decision without a PASSED review is not covered, with the reasons and the problem', () => {
    const r = reviewRequirementOf(facts({ penaltyKinds: [PenaltyKind.FINE], fineAmount: '10000.00' }), policy, []);
    expect(r).toMatchObject({
      major: true,
      covered: false,
      reviewId: null,
      problem: expect.stringMatching(/no PASSED legal review/),
    });
    expect(r.reasons.join()).toMatch(/较大数额/);
    expect(reviewRequirementOf(facts({ hearingHeld: true }), policy, []).major).toBe(true);
  });

  test('a major decision is covered by a PASSED review of the same or a higher amount, and names it', () => {
    const d = facts({ penaltyKinds: [PenaltyKind.FINE], fineAmount: '20000.00' });
    expect(reviewRequirementOf(d, policy, [reviewedFine('20000.00')])).toMatchObject({
      major: true,
      covered: true,
      reviewId: 'rv1',
      problem: null,
    });
    expect(reviewRequirementOf(d, policy, [reviewedFine('15000.00')])).toMatchObject({
      major: true,
      covered: false,
      problem: expect.stringMatching(/above the reviewed amount/),
    });
  });
});
