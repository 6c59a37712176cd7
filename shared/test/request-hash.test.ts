import { canonicalJson, requestHash } from '../src/server/request-hash';

/** The Idempotency-Key fingerprint: equal for equal arguments however they were ordered, different otherwise. */
test('object keys are sorted at every level; undefined fields are left out; Dates are their instant', () => {
  const a = { input: { b: 1, a: [{ y: 'x', x: null }], at: new Date('2026-01-05T08:00:00+08:00'), gone: undefined } };
  const b = { input: { at: new Date('2026-01-05T00:00:00Z'), a: [{ x: null, y: 'x' }], b: 1 } };
  expect(canonicalJson(a)).toBe('{"input":{"a":[{"x":null,"y":"x"}],"at":"2026-01-05T00:00:00.000Z","b":1}}');
  expect(requestHash(a)).toBe(requestHash(b));
  expect(requestHash(a)).toMatch(/^[0-9a-f]{64}$/);
});

test('a changed value, array order, or null instead of a value changes the fingerprint', () => {
  const base = requestHash({ ids: ['1', '2'], summary: '复查现场' });
  expect(requestHash({ ids: ['2', '1'], summary: '复查现场' })).not.toBe(base);
  expect(requestHash({ ids: ['1', '2'], summary: '复查现场 ' })).not.toBe(base);
  expect(requestHash({ ids: ['1', '2'], summary: null })).not.toBe(base);
});
