import { EnforcementCategory, PartyType, PenaltyKind } from '@tsp/shared';

import { type CatalogRule, type DecisionFacts, determineMajor, ruleMatches } from '../src/rules/major';
import { DEFAULT_LARGE_AMOUNTS } from '../src/rules/thresholds';

const small: DecisionFacts = {
  category: EnforcementCategory.PENALTY,
  partyType: PartyType.NATURAL_PERSON,
  penaltyKinds: [PenaltyKind.WARNING, PenaltyKind.FINE],
  fineAmount: '2000.00',
  confiscationAmount: null,
  amountInvolved: null,
  hearingHeld: false,
};
const rule = (over: Partial<CatalogRule>): CatalogRule => ({
  id: 'r1',
  category: EnforcementCategory.PENALTY,
  description: '拟作出较大数额罚款的',
  penaltyKinds: [],
  fineThreshold: null,
  amountInvolvedThreshold: null,
  hearingHeld: false,
  legalBasis: '本机关目录清单第1项',
  active: true,
  ...over,
});

describe('major-decision determination (行政处罚法 §58, §63; agency catalogue)', () => {
  test('a small fine with a warning and no hearing is not major', () => {
    expect(determineMajor(small, [], DEFAULT_LARGE_AMOUNTS)).toEqual({ major: false, reasons: [] });
  });

  test('a hearing, a licence revocation or a business suspension is always major', () => {
    expect(determineMajor({ ...small, hearingHeld: true }, [], DEFAULT_LARGE_AMOUNTS).reasons[0]).toMatch(/听证/);
    expect(
      determineMajor({ ...small, penaltyKinds: [PenaltyKind.LICENCE_REVOCATION] }, [], DEFAULT_LARGE_AMOUNTS)
        .reasons[0],
    ).toMatch(/吊销/);
    expect(
      determineMajor({ ...small, penaltyKinds: [PenaltyKind.BUSINESS_SUSPENSION] }, [], DEFAULT_LARGE_AMOUNTS)
        .reasons[0],
    ).toMatch(/停产停业/);
  });

  test('large fine: 10,000 yuan for a natural person is major, 9,999.99 is not; organisations from 100,000', () => {
    expect(determineMajor({ ...small, fineAmount: '10000.00' }, [], DEFAULT_LARGE_AMOUNTS).major).toBe(true);
    expect(determineMajor({ ...small, fineAmount: '9999.99' }, [], DEFAULT_LARGE_AMOUNTS).major).toBe(false);
    const org = { ...small, partyType: PartyType.ORGANIZATION };
    expect(determineMajor({ ...org, fineAmount: '99999.99' }, [], DEFAULT_LARGE_AMOUNTS).major).toBe(false);
    expect(determineMajor({ ...org, fineAmount: '100000' }, [], DEFAULT_LARGE_AMOUNTS).major).toBe(true);
    expect(
      determineMajor(
        { ...small, penaltyKinds: [PenaltyKind.CONFISCATION], fineAmount: null, confiscationAmount: '20000.00' },
        [],
        DEFAULT_LARGE_AMOUNTS,
      ).reasons[0],
    ).toMatch(/没收/);
  });

  test('an agency may lower the large-fine threshold', () => {
    expect(determineMajor(small, [], { naturalPerson: '2000.00', organization: '50000.00' }).major).toBe(true);
  });

  test('a catalogue rule matches only when every criterion it sets holds, for its category and party type', () => {
    const r = rule({
      penaltyKinds: [PenaltyKind.FINE],
      fineThreshold: { naturalPerson: '1000.00', organization: null },
    });
    expect(ruleMatches(r, small)).toBe(true);
    expect(determineMajor(small, [r], DEFAULT_LARGE_AMOUNTS).reasons).toEqual([
      expect.stringContaining('目录清单：拟作出较大数额罚款的'),
    ]);
    expect(ruleMatches(r, { ...small, fineAmount: '999.99' })).toBe(false);
    expect(ruleMatches(r, { ...small, partyType: PartyType.ORGANIZATION })).toBe(false); // no organisation threshold set
    expect(ruleMatches(r, { ...small, category: EnforcementCategory.LICENSING })).toBe(false);
    expect(ruleMatches({ ...r, active: false }, small)).toBe(false);
    expect(
      ruleMatches(rule({ amountInvolvedThreshold: { naturalPerson: '50000.00', organization: '500000.00' } }), {
        ...small,
        amountInvolved: '60000.00',
      }),
    ).toBe(true);
    expect(
      ruleMatches(rule({ amountInvolvedThreshold: { naturalPerson: '50000.00', organization: '500000.00' } }), {
        ...small,
        amountInvolved: null,
      }),
    ).toBe(false);
  });

  test('a rule with only free text (level, field, social impact) never matches automatically', () => {
    expect(ruleMatches(rule({}), small)).toBe(false);
  });
});
