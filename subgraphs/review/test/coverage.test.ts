import { PenaltyKind } from '@tsp/shared';

import { coverage } from '../src/rules/coverage';

const reviewed = {
  reviewId: 'rv1',
  penaltyKinds: [PenaltyKind.FINE, PenaltyKind.CONFISCATION],
  fineAmount: '50000.00',
  confiscationAmount: '8000.00',
};

describe('coverage of a decision by a PASSED review', () => {
  test('same or fewer kinds and amounts not above the reviewed ones are covered', () => {
    expect(
      coverage([reviewed], {
        penaltyKinds: [PenaltyKind.FINE, PenaltyKind.CONFISCATION],
        fineAmount: '50000.00',
        confiscationAmount: '8000',
      }),
    ).toEqual({ covered: true, reviewId: 'rv1', problem: null });
    expect(coverage([reviewed], { penaltyKinds: [PenaltyKind.FINE], fineAmount: '30000.00' }).covered).toBe(true);
  });

  test('a higher fine is not covered', () => {
    const c = coverage([reviewed], { penaltyKinds: [PenaltyKind.FINE], fineAmount: '50000.01' });
    expect(c.covered).toBe(false);
    expect(c.problem).toMatch(/50000.01/);
  });

  test('an extra penalty kind is not covered', () => {
    const c = coverage([reviewed], {
      penaltyKinds: [PenaltyKind.FINE, PenaltyKind.LICENCE_REVOCATION],
      fineAmount: '1000.00',
    });
    expect(c).toMatchObject({ covered: false, reviewId: null });
    expect(c.problem).toMatch(/LICENCE_REVOCATION/);
  });

  test('no passed review covers nothing; any of several passed reviews may cover', () => {
    expect(coverage([], { penaltyKinds: [PenaltyKind.FINE], fineAmount: '1.00' }).covered).toBe(false);
    const newer = { reviewId: 'rv2', penaltyKinds: [PenaltyKind.WARNING], fineAmount: null, confiscationAmount: null };
    expect(coverage([newer, reviewed], { penaltyKinds: [PenaltyKind.FINE], fineAmount: '10.00' }).reviewId).toBe('rv1');
    expect(coverage([newer], { penaltyKinds: [PenaltyKind.FINE], fineAmount: '10.00' }).covered).toBe(false);
  });

  test('a fine amount the review did not include is not covered', () => {
    const noFine = { reviewId: 'rv3', penaltyKinds: [PenaltyKind.FINE], fineAmount: null, confiscationAmount: null };
    expect(coverage([noFine], { penaltyKinds: [PenaltyKind.FINE], fineAmount: '10.00' }).problem).toMatch(
      /罚款未经审核/,
    );
  });
});
