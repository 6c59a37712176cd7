import { EnforcementCategory, PartyType, PenaltyKind } from '@tsp/shared';

import { isDecisionRecordedFacts } from '../src/events/decision-recorded-facts';

/** A payload as records publishes it (write/decision.ts decisionRecordedPayload). */
const published = {
  caseId: '6f1c2d3e-0000-4000-8000-000000000001',
  caseNumber: '宁市监罚〔2026〕1号',
  agencyId: '6f1c2d3e-0000-4000-8000-0000000000aa',
  category: EnforcementCategory.PENALTY,
  cause: '销售过期食品',
  party: { type: PartyType.ORGANIZATION, name: '某公司', isMinor: false },
  outcome: '罚款',
  penaltyKinds: [PenaltyKind.FINE],
  fineAmount: '200000.00',
  confiscationAmount: null,
  legalBasis: '食品安全法第一百二十四条',
  facts: '…',
  conclusion: '…',
  decidedOn: '2026-03-02',
  reviewId: null,
};

describe('DecisionRecorded payloads review reads', () => {
  test('what records publishes passes, legacy flag and all', () => {
    expect(isDecisionRecordedFacts(published)).toBe(true);
    expect(isDecisionRecordedFacts({ ...published, legacy: true, reviewId: 'r-1' })).toBe(true);
  });

  test('a missing or mistyped field review reads is refused', () => {
    const { party: _party, ...noParty } = published;
    expect(isDecisionRecordedFacts(noParty)).toBe(false);
    expect(isDecisionRecordedFacts({ ...published, category: 'PARKING' })).toBe(false);
    expect(isDecisionRecordedFacts({ ...published, penaltyKinds: ['FINE', 'FLOGGING'] })).toBe(false);
    expect(isDecisionRecordedFacts({ ...published, fineAmount: 200000 })).toBe(false);
    expect(isDecisionRecordedFacts({ ...published, party: { type: 'ROBOT' } })).toBe(false);
  });
});
