import { DiscretionTier } from '@tsp/shared';

import { cleanBenchmark } from '../src/rules/discretion-benchmark';

const DRAFT = {
  enforcementItemId: ' 9F0C3A52-1B2C-4D5E-8F90-A1B2C3D4E5F6 ',
  violation: '  未取得许可进行建设 ',
  legalBasis: '《城乡规划法》第六十四条',
  tiers: [{ tier: DiscretionTier.LENIENT, circumstances: ' 主动改正 ', minFine: '5000', maxFine: '20000.5' }],
};

it('trims text, normalises amounts and ids, and reads an empty exemption as none', () => {
  expect(cleanBenchmark({ ...DRAFT, minorExemption: '   ', firstViolationExemption: ' 初次违法 ' })).toEqual({
    enforcementItemId: '9f0c3a52-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    violation: '未取得许可进行建设',
    legalBasis: '《城乡规划法》第六十四条',
    tiers: [{ tier: 'LENIENT', circumstances: '主动改正', minFine: '5000.00', maxFine: '20000.50' }],
    minorExemption: null,
    firstViolationExemption: '初次违法',
  });
});

it('leaves absent bounds and exemptions null', () => {
  const c = cleanBenchmark({ ...DRAFT, tiers: [{ tier: DiscretionTier.NO_PENALTY, circumstances: '轻微' }] });
  expect(c.tiers[0]).toEqual({ tier: 'NO_PENALTY', circumstances: '轻微', minFine: null, maxFine: null });
  expect([c.minorExemption, c.firstViolationExemption]).toEqual([null, null]);
});

it.each([
  ['an overlong exemption', { minorExemption: '轻'.repeat(2001) }, 'minorExemption'],
  ['eleven tiers', { tiers: Array(11).fill(DRAFT.tiers[0]) }, 'tiers'],
  ['an unknown tier', { tiers: [{ ...DRAFT.tiers[0], tier: 'SEVERE' as DiscretionTier }] }, 'tiers[0].tier'],
])('%s is BAD_USER_INPUT naming the field', (_w, over, field) => {
  expect(() => cleanBenchmark({ ...DRAFT, ...over })).toThrow(
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
  );
});
