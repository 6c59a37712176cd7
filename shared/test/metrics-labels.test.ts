import {
  BoundedNames,
  codeOutcome,
  hasMetricsSecret,
  internalSecret,
  outcomeOf,
  overrideConfig,
  thrownOutcome,
} from '@tsp/shared';
import { GraphQLError } from 'graphql';

describe('operation name labels stay bounded', () => {
  test('the first names keep their label, later ones are "other", a missing name is "anonymous"', () => {
    const names = new BoundedNames(3);
    expect(['A', 'B', 'C'].map((n) => names.label(n))).toEqual(['A', 'B', 'C']);
    expect(names.label('D')).toBe('other');
    // A name seen before the bound keeps its label afterwards.
    expect(names.label('B')).toBe('B');
    expect([undefined, null, ''].map((n) => names.label(n))).toEqual(['anonymous', 'anonymous', 'anonymous']);
  });

  test('a flood of distinct names yields at most max + 2 label values', () => {
    const names = new BoundedNames(100);
    const labels = new Set(Array.from({ length: 150 }, (_, i) => names.label(`Op${i}`)).concat(names.label(undefined)));
    expect(labels.size).toBe(102);
    expect(labels.has('other')).toBe(true);
    expect(labels.has('Op99')).toBe(true);
    expect(labels.has('Op100')).toBe(false);
  });

  test('what is not a GraphQL name is "other" and takes no place in the bound', () => {
    const names = new BoundedNames(1);
    for (const bad of ['1abc', 'a b', 'x'.repeat(101), 'ä', 'a{b="c"}']) expect(names.label(bad)).toBe('other');
    expect(names.label('x'.repeat(100))).toBe('x'.repeat(100));
  });

  test('a name that may not claim (its operation did not resolve) takes no slot, but keeps one it has', () => {
    const names = new BoundedNames(2);
    const junk = Array.from({ length: 150 }, (_, i) => names.label(`Junk${i}`, false));
    expect(new Set(junk)).toEqual(new Set(['other']));
    expect(names.label('Known')).toBe('Known');
    expect(names.label('Known', false)).toBe('Known');
    expect(names.label(undefined, false)).toBe('anonymous');
    expect(names.label('Second')).toBe('Second');
  });
});

describe('outcome labels', () => {
  test('"ok" without errors, else the first error\'s code', () => {
    expect(outcomeOf(undefined)).toBe('ok');
    expect(outcomeOf([])).toBe('ok');
    expect(outcomeOf([{ extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'NOT_FOUND' } }])).toBe('FORBIDDEN');
  });

  test('codes outside the documented set, and errors without a code, are OTHER', () => {
    expect(outcomeOf([{ extensions: { code: 'MADE_UP_BY_SOMEONE' } }])).toBe('OTHER');
    expect(outcomeOf([{}])).toBe('OTHER');
    expect(codeOutcome(42)).toBe('OTHER');
    for (const code of ['DEPENDENCY_UNAVAILABLE', 'QUERY_TOO_COSTLY', 'BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR'])
      expect(codeOutcome(code)).toBe(code);
  });

  test('a thrown error counts with its GraphQL code, anything else as OTHER', () => {
    const unavailable = new GraphQLError('x', { extensions: { code: 'DEPENDENCY_UNAVAILABLE' } });
    expect(thrownOutcome(unavailable)).toBe('DEPENDENCY_UNAVAILABLE');
    expect(thrownOutcome(new Error('ECONNREFUSED'))).toBe('OTHER');
    expect(thrownOutcome(null)).toBe('OTHER');
  });
});

describe('the metrics secret', () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());
  test('with METRICS_TOKEN set, only it is accepted, as a bearer token; INTERNAL_SECRET is not', () => {
    restore = overrideConfig({ METRICS_TOKEN: 'scrape-token-for-test' });
    expect(hasMetricsSecret(headers({ authorization: 'Bearer scrape-token-for-test' }))).toBe(true);
    expect(hasMetricsSecret(headers({ 'x-internal-secret': internalSecret() }))).toBe(false);
    expect(hasMetricsSecret(headers({ authorization: `Bearer ${internalSecret()}` }))).toBe(false);
    expect(hasMetricsSecret(headers({ 'x-internal-secret': 'scrape-token-for-test' }))).toBe(false);
    expect(hasMetricsSecret(headers({ authorization: 'Bearer scrape-token-for-tes' }))).toBe(false);
  });
  test('accepted in x-internal-secret or as a bearer token', () => {
    expect(hasMetricsSecret(headers({ 'x-internal-secret': internalSecret() }))).toBe(true);
    expect(hasMetricsSecret(headers({ authorization: `Bearer ${internalSecret()}` }))).toBe(true);
  });
  test('refused when missing, wrong, a prefix of it, or in another scheme', () => {
    expect(hasMetricsSecret(headers({}))).toBe(false);
    expect(hasMetricsSecret(headers({ 'x-internal-secret': 'wrong' }))).toBe(false);
    expect(hasMetricsSecret(headers({ 'x-internal-secret': internalSecret().slice(0, -1) }))).toBe(false);
    expect(hasMetricsSecret(headers({ authorization: `Basic ${internalSecret()}` }))).toBe(false);
    expect(hasMetricsSecret(headers({ authorization: 'Bearer ' }))).toBe(false);
  });
});
