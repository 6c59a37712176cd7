import { PartyType, PenaltyKind } from '@tsp/shared';

import { defaultPeriodMonths, isExpired, periodMonths, SMALL_FINE_BELOW, visibleUntil } from '../src/rules/periods';

const person = PartyType.NATURAL_PERSON,
  org = PartyType.ORGANIZATION;

describe('publication periods', () => {
  test('warnings and small fines: 3 months; the small-fine line is exclusive', () => {
    expect(defaultPeriodMonths({ partyType: person, penaltyKinds: [PenaltyKind.WARNING], fineAmount: null })).toBe(3);
    expect(defaultPeriodMonths({ partyType: person, penaltyKinds: [PenaltyKind.FINE], fineAmount: '4999.99' })).toBe(3);
    expect(
      defaultPeriodMonths({
        partyType: person,
        penaltyKinds: [PenaltyKind.FINE],
        fineAmount: SMALL_FINE_BELOW.NATURAL_PERSON,
      }),
    ).toBe(36);
    expect(
      defaultPeriodMonths({
        partyType: org,
        penaltyKinds: [PenaltyKind.WARNING, PenaltyKind.FINE],
        fineAmount: '49999.00',
      }),
    ).toBe(3);
    expect(defaultPeriodMonths({ partyType: org, penaltyKinds: [PenaltyKind.FINE], fineAmount: '50000.00' })).toBe(36);
  });

  test('anything heavier, or no penalty at all (licensing), gets 3 years', () => {
    expect(
      defaultPeriodMonths({
        partyType: person,
        penaltyKinds: [PenaltyKind.FINE, PenaltyKind.CONFISCATION],
        fineAmount: '100.00',
      }),
    ).toBe(36);
    expect(
      defaultPeriodMonths({ partyType: org, penaltyKinds: [PenaltyKind.LICENCE_REVOCATION], fineAmount: null }),
    ).toBe(36);
    expect(defaultPeriodMonths({ partyType: org, penaltyKinds: [], fineAmount: null })).toBe(36);
  });

  test("an agency's configuration replaces the default per kind; the longest applicable wins", () => {
    const config = new Map([
      [PenaltyKind.WARNING, 6],
      [PenaltyKind.FINE, 12],
    ]);
    expect(periodMonths({ partyType: person, penaltyKinds: [PenaltyKind.WARNING], fineAmount: null }, config)).toBe(6);
    expect(
      periodMonths(
        { partyType: person, penaltyKinds: [PenaltyKind.WARNING, PenaltyKind.FINE], fineAmount: '100.00' },
        config,
      ),
    ).toBe(12);
    expect(
      periodMonths(
        { partyType: person, penaltyKinds: [PenaltyKind.FINE, PenaltyKind.LICENCE_REVOCATION], fineAmount: '100.00' },
        config,
      ),
    ).toBe(36);
    expect(periodMonths({ partyType: person, penaltyKinds: [PenaltyKind.WARNING], fineAmount: null })).toBe(3);
  });

  test('expiry: visible through the last day, expired the day after; month ends clamp', () => {
    expect(visibleUntil('2026-01-15', 3)).toBe('2026-04-15');
    expect(visibleUntil('2025-11-30', 3)).toBe('2026-02-28');
    expect(visibleUntil('2026-10-14', 36)).toBe('2029-10-14');
    expect(isExpired('2026-04-15', '2026-04-15')).toBe(false);
    expect(isExpired('2026-04-15', '2026-04-16')).toBe(true);
    expect(isExpired(null, '2099-01-01')).toBe(false);
  });
});
