import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';

import type { GatewayContext } from '../src/context';
import { OperationGuard } from '../src/limits/check';
import { operationLimits } from '../src/limits/plugin';

/**
 * The plugin is the last word on what Apollo runs, whatever way the operation arrived (the HTTP edge
 * check runs first; a subscription's per-event query reaches Apollo only through executeOperation).
 */
const schema = buildSchema(
  `type Query { items: [Item!]! } type Item { id: ID! a: Int b: Int c: Int d: Int e: Int f: Int g: Int h: Int i: Int children: [Item!]! }`,
);
const server = new ApolloServer<GatewayContext>({
  schema,
  rootValue: { items: () => [{ id: '1', children: [] }] },
  plugins: [operationLimits(new OperationGuard(() => schema))],
});
beforeAll(() => server.start());
afterAll(() => server.stop());

const run = async (query: string, signedIn: boolean) => {
  const identity = signedIn ? { role: 'ADMIN' as never } : { role: null };
  const r = await server.executeOperation({ query }, { contextValue: { identity } });
  return r.body.kind === 'single' ? r.body.singleResult : undefined;
};

test('an operation over the anonymous budget is refused with QUERY_TOO_COSTLY, within the signed-in one it runs', async () => {
  const q = `{ items { children { id a b c d e f g h i } } }`; // 100 × (1 + 100 × 10) = 100,100 estimated
  const anon = await run(q, false);
  expect(anon?.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 100_000 });
  expect(anon?.data).toBeUndefined();
  const signedIn = await run(q, true);
  expect(signedIn?.errors).toBeUndefined();
});

test('a cheap operation runs', async () => {
  expect((await run(`{ items { id } }`, false))?.data).toEqual({ items: [{ id: '1' }] });
});
