import { Role, signDevToken } from '@tsp/shared';

import { type GqlResult, type Platform, startPlatform, token } from '../kit/platform';

/**
 * Before this guard, a bad token and a multi-operation document without
 * operationName were HTTP 500, and a subgraph that was down surfaced as INTERNAL_SERVER_ERROR
 * "connect ECONNREFUSED 127.0.0.1:4002".
 */
let p: Platform;
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => {
  await p?.stop();
});

describe('a bad or expired token is HTTP 401 UNAUTHENTICATED with WWW-Authenticate, never 500', () => {
  const post = (authorization: string) =>
    fetch(p.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: '{ agencies { id } }' }),
    });
  test.each([
    ['garbage', async () => 'Bearer not-a-jwt'],
    ['not a bearer header', async () => 'Basic dXNlcjpwYXNz'],
    [
      'expired',
      async () => `Bearer ${await signDevToken({ role: Role.ADMIN, sub: 'a' }, Math.floor(Date.now() / 1000) - 60)}`,
    ],
  ])('%s', async (_what, header) => {
    const res = await post(await header());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(code((await res.json()) as GqlResult)).toBe('UNAUTHENTICATED');
  });
});

test('several operations without operationName → HTTP 400 BAD_USER_INPUT; an unknown operationName too', async () => {
  const doc = `query A { agencies { id } } query B { agencies { name } }`;
  const none = await p.gql(doc);
  expect(none.status).toBe(400);
  expect(code(none)).toBe('BAD_USER_INPUT');
  expect(none.errors![0].message).toMatch(/operationName/);
  const unknown = await fetch(p.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: doc, operationName: 'C' }),
  });
  expect(unknown.status).toBe(400);
  const named = await fetch(p.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: doc, operationName: 'B' }),
  });
  expect(((await named.json()) as GqlResult).errors).toBeUndefined();
});

test('a subgraph that is down is DEPENDENCY_UNAVAILABLE naming it, never an address', async () => {
  const admin = await token({ role: Role.ADMIN, sub: 'a' });
  const created = await p.gql(
    `mutation { createAgency(input: { code: "E-1", name: "某局", kind: OTHER, region: "宁晋县", legalOfficeName: "法制股" }) { id } }`,
    {},
    { token: admin },
  );
  expect(created.errors).toBeUndefined();
  await p.stopSubgraph('review');
  try {
    const r = await p.gql(`{ agencies { id reviewCatalog { id } } }`, {}, { token: admin });
    const err = r.errors!.find((e) => e.extensions?.code === 'DEPENDENCY_UNAVAILABLE');
    expect(err).toBeDefined();
    expect(err!.extensions).toMatchObject({ service: 'review' });
    expect(err!.message).toMatch(/^review did not answer/);
    expect(JSON.stringify(r)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost/);
  } finally {
    await p.restartSubgraph('review');
  }
});
