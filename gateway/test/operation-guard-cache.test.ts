import { TextCache } from '@tsp/shared';
import { buildSchema } from 'graphql';

import { OperationGuard } from '../src/limits/check';

/**
 * The guard keeps each text's checks and estimates (limits/check.ts): whatever it kept, a request must get the
 * answer it would get checked afresh — its own variables, operation and budget decide.
 */
const sdl = (children: string) => `
  type Query { items(first: Int): [Item!]! item: Item }
  type Item { id: ID! a: Int b: Int c: Int d: Int e: Int f: Int g: Int h: Int i: Int children: ${children} }`;
const listSchema = buildSchema(sdl('[Item!]!'));
const code = (e: ReturnType<OperationGuard['check']>) => e?.extensions.code;

// 200 (the page limit) × (1 + 100 × 10) = 200,200 estimated: over the anonymous budget of 100,000.
const PAGED = `query($n: Int) { items(first: $n) { children { a b c d e f g h i } } }`;

test('the page size in a variable decides, whichever size was checked before', () => {
  const guard = new OperationGuard(() => listSchema);
  expect(guard.check({ query: PAGED, variables: { n: 5 } }, false)).toBeUndefined();
  expect(code(guard.check({ query: PAGED, variables: { n: 200 } }, false))).toBe('QUERY_TOO_COSTLY');
  expect(guard.check({ query: PAGED, variables: { n: 5 } }, false)).toBeUndefined();
  // Absent is not null: the default (50) gives 50,050, within the budget; a default of 200 would not be.
  const withDefault = `query($n: Int = 200) { items(first: $n) { children { a b c d e f g h i } } }`;
  expect(guard.check({ query: withDefault, variables: { n: null } }, false)).toBeUndefined();
  expect(code(guard.check({ query: withDefault, variables: {} }, false))).toBe('QUERY_TOO_COSTLY');
});

test('@include / @skip conditions in variables decide', () => {
  const guard = new OperationGuard(() => listSchema);
  const q = `query($deep: Boolean!) { items(first: 200) { id children @include(if: $deep) { a b c d e f g h i } } }`;
  expect(guard.check({ query: q, variables: { deep: false } }, false)).toBeUndefined();
  expect(code(guard.check({ query: q, variables: { deep: true } }, false))).toBe('QUERY_TOO_COSTLY');
  expect(guard.check({ query: q, variables: { deep: false } }, false)).toBeUndefined();
});

test('the operation and the budget decide: a kept estimate lets through only what is within this caller’s budget', () => {
  const guard = new OperationGuard(() => listSchema);
  const q = `query Cheap { item { id } } query Dear { items(first: 200) { children { a b c d e f g h i } } }`;
  expect(guard.check({ query: q, operationName: 'Dear' }, true)).toBeUndefined();
  expect(code(guard.check({ query: q, operationName: 'Dear' }, false))).toBe('QUERY_TOO_COSTLY');
  expect(guard.check({ query: q, operationName: 'Cheap' }, false)).toBeUndefined();
  expect(code(guard.check({ query: q }, false))).toBe('BAD_USER_INPUT');
  expect(code(guard.check({ query: q, operationName: 'Other' }, true))).toBe('BAD_USER_INPUT');
});

test('a refused text is refused every time, each request with an error of its own', () => {
  const guard = new OperationGuard(() => listSchema);
  const deep = `{ item { ${'children { '.repeat(20)}id${' }'.repeat(20)} } }`;
  const [first, again] = [guard.check({ query: deep }, true), guard.check({ query: deep }, true)];
  expect(first?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 12 });
  expect(again?.toJSON()).toEqual(first?.toJSON());
  expect(again).not.toBe(first);
});

test('a new schema is checked afresh', () => {
  let schema = listSchema;
  const guard = new OperationGuard(() => schema);
  const q = `{ items(first: 200) { children { a b c d e f g h i } } }`;
  expect(code(guard.check({ query: q }, false))).toBe('QUERY_TOO_COSTLY');
  schema = buildSchema(sdl('Item')); // children is no longer a list: 200 × (1 + 10) = 2,200
  expect(guard.check({ query: q }, false)).toBeUndefined();
});

test('the kept texts are bounded in number and in characters; a text too long is not kept', () => {
  const guard = new OperationGuard(() => listSchema);
  for (let i = 0; i < 700; i++) guard.check({ query: `{ item { id } a${i}: item { id } }` }, true);
  expect(guard.cachedTexts).toBe(500);
  const cache = new TextCache<number>(10, 200);
  cache.set('x'.repeat(13), 1); // over 200 / 16 characters
  expect(cache.size).toBe(0);
  for (let i = 0; i < 30; i++) cache.set(`text ${i}`, i);
  expect(cache.size).toBeLessThanOrEqual(10);
  expect(cache.get('text 29')).toBe(29);
  expect(cache.get('text 0')).toBeUndefined();
});
