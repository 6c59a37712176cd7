import { type GqlResult, type Platform, startPlatform } from '../kit/platform';

/**
 * Before this guard, `{ agencies { id id … } }` with 10,000 fields (30 KB, anonymous) took
 * 35 s to be refused, and /health waited as long: graphql-js compares same-named fields pairwise.
 * The gateway now refuses such documents before validation, in linear time.
 */
let p: Platform;
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => {
  await p?.stop();
});

/** Sends `query` and asks /health while the gateway works on it; both must come back. */
async function attackWithHealth(query: string) {
  const attack = p.gql(query);
  const health = fetch(p.gatewayUrl.replace(/\/graphql$/, '/health')).then((r) => r.status);
  return { r: await attack, health: await health };
}

test.each([
  [
    '10,000 repeated fields (30 KB): over the token limit',
    `{ agencies { ${Array(10_000).fill('id').join(' ')} } }`,
    /tokens: 10\d\d\d? exceeds|tokens: 3001/,
  ],
  [
    '2,500 repeated fields: within the token limit, over the same-name limit',
    `{ agencies { ${Array(2_500).fill('id').join(' ')} } }`,
    /fields named "id" in one selection: 2500 exceeds the limit of 20/,
  ],
  [
    '300 fragment spreads in one selection',
    `{ agencies { ${Array.from({ length: 300 }, (_, i) => `...F${i}`).join(' ')} } }\n${Array.from({ length: 300 }, (_, i) => `fragment F${i} on Agency { name }`).join('\n')}`,
    /tokens|fragment spreads in one selection: \d+ exceeds the limit of 30/,
  ],
])('%s → QUERY_TOO_COSTLY, and /health answers meanwhile', async (_what, query, message) => {
  const { r, health } = await attackWithHealth(query);
  expect(code(r)).toBe('QUERY_TOO_COSTLY');
  expect(r.errors![0].message).toMatch(message);
  expect(health).toBe(200);
});

test('a document with many aliases is refused by the alias limit (GraphQL Armor)', async () => {
  const r = await p.gql(`{ agencies { ${Array.from({ length: 60 }, (_, i) => `a${i}: name`).join(' ')} } }`);
  expect(code(r)).toBe('QUERY_TOO_COSTLY');
  expect(r.errors![0].message).toMatch(/aliases: 60 exceeds the limit of 50/);
});

test('the sandbox introspection query is within the anonymous budget, the Subscription type included', async () => {
  const { getIntrospectionQuery } = await import('graphql');
  // What GraphiQL sends: graphql's standard query (operation IntrospectionQuery), without a token.
  const r = await p.gql(getIntrospectionQuery());
  expect(r.errors).toBeUndefined();
  expect(r.data.__schema.types.length).toBeGreaterThan(50);
  expect(r.data.__schema.subscriptionType).toEqual({ name: 'Subscription', kind: 'OBJECT' });
  const subscription = r.data.__schema.types.find((t: { name: string }) => t.name === 'Subscription');
  expect(subscription.fields.map((f: { name: string }) => f.name)).toContain('reviewEvents');
});

test('a cyclic introspection query is refused by cost', async () => {
  const r = await p.gql(
    `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`,
  );
  expect(code(r)).toBe('QUERY_TOO_COSTLY');
});

describe('no way of sending a query skips the limits', () => {
  const aliases = `{ agencies { ${Array.from({ length: 60 }, (_, i) => `a${i}: name`).join(' ')} } }`;

  test('GET, even behind 1,000 padding parameters that Express stops reading at', async () => {
    const padding = Array(1000).fill('a').join('&');
    const res = await fetch(`${p.gatewayUrl}?${padding}&query=${encodeURIComponent(aliases)}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(res.status).toBe(400);
    expect(code((await res.json()) as GqlResult)).toBe('QUERY_TOO_COSTLY');
  });

  test('persisted queries are off: a stored hash cannot be replayed with another operation', async () => {
    const { createHash } = await import('node:crypto');
    const doc = `query A { __typename } query B { agencies { officers { agency { officers { id } } } } }`;
    const sha256Hash = createHash('sha256').update(doc).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = (body: object) =>
      fetch(p.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as GqlResult }));
    const register = await post({ query: doc, operationName: 'A', extensions });
    expect(code(register.body)).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    const replay = await post({ operationName: 'B', extensions });
    expect(replay.body.data).toBeUndefined();
    expect(code(replay.body)).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });
});
