import { groupCandidates, newSeed, sampleCases } from '../src/rules/sampling';

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const SEED = '0123456789abcdef0123456789abcdef';

test('a seed is 128 random bits in hex, different each time', () => {
  const a = newSeed();
  expect(a).toMatch(/^[0-9a-f]{32}$/);
  expect(newSeed()).not.toBe(a);
});

test('the same seed and candidates give the same sample, whatever order the candidates came in', () => {
  const candidates = { A: ids('a', 40), B: ids('b', 7) };
  const shuffled = { B: [...candidates.B].reverse(), A: [...candidates.A].reverse() };
  const one = sampleCases(SEED, candidates, 5);
  expect(sampleCases(SEED, shuffled, 5)).toEqual(one);
  expect(one.A).toHaveLength(5);
  expect(new Set(one.A).size).toBe(5);
  for (const id of one.A) expect(candidates.A).toContain(id);
});

test('another seed gives another sample', () => {
  const candidates = { A: ids('a', 40) };
  const one = sampleCases(SEED, candidates, 5);
  const other = sampleCases('f'.repeat(32), candidates, 5);
  expect(other.A).not.toEqual(one.A);
});

test('an agency with fewer candidates than N gives all of them; each agency’s draw is its own', () => {
  const s = sampleCases(SEED, { A: ids('a', 40), B: ids('b', 3) }, 5);
  expect([...s.B].sort()).toEqual(ids('b', 3));
  // Adding another agency does not change A's draw: an agency can check its own with the seed alone.
  expect(sampleCases(SEED, { A: ids('a', 40) }, 5).A).toEqual(s.A);
});

test('a malformed seed is refused', () => {
  expect(() => sampleCases('xyz', { A: ['1'] }, 1)).toThrow('32 hex');
});

test('uniformity sanity: over 4,000 seeds each of 10 candidates is drawn near 4000·3/10 times, first place too', () => {
  const candidates = { A: ids('a', 10) };
  const drawn = new Map<string, number>();
  const first = new Map<string, number>();
  for (let i = 0; i < 4000; i++) {
    const seed = i.toString(16).padStart(32, '0');
    const [head, ...rest] = sampleCases(seed, candidates, 3).A;
    for (const id of [head, ...rest]) drawn.set(id, (drawn.get(id) ?? 0) + 1);
    first.set(head, (first.get(head) ?? 0) + 1);
  }
  // Expected 1,200 and 400; bounds ≈ ±5 standard deviations, so a fair draw does not fail them by chance.
  for (const id of candidates.A) {
    expect(drawn.get(id)).toBeGreaterThan(1200 - 150);
    expect(drawn.get(id)).toBeLessThan(1200 + 150);
    expect(first.get(id)).toBeGreaterThan(400 - 95);
    expect(first.get(id)).toBeLessThan(400 + 95);
  }
});

test('candidates are grouped by agency and sorted', () => {
  expect(
    groupCandidates([
      { id: 'z', agencyId: 'B' },
      { id: 'b', agencyId: 'A' },
      { id: 'a', agencyId: 'A' },
    ]),
  ).toEqual({ A: ['a', 'b'], B: ['z'] });
});
