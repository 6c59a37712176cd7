import { INTERNAL_SECRET_HEADER, internalSecret, jwtSecret, Role, SUBGRAPHS } from '@tsp/shared';
import { SignJWT } from 'jose';

import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';

/** Subgraphs only answer the gateway; tokens are checked. */
let p: Platform;
let admin: string;
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
});
afterAll(async () => {
  await p?.stop();
});

const post = async (url: string, query: string, headers: Record<string, string> = {}, variables: object = {}) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as GqlResult };
};

const SERVICE = `{ _service { sdl } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;

describe.each(SUBGRAPHS.map((n) => [n]))('subgraph %s called directly', (name) => {
  const url = () => p.subgraphs[name].url;

  test('without the internal secret: 403 for _service, _entities and ordinary queries, even with an ADMIN token', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${admin}` },
      { [INTERNAL_SECRET_HEADER]: 'guess' },
      { [INTERNAL_SECRET_HEADER]: '' },
    ];
    for (const headers of attempts) {
      const svc = await post(url(), SERVICE, headers);
      expect(svc.status).toBe(403);
      expect(code(svc.body)).toBe('FORBIDDEN');
      expect(JSON.stringify(svc.body)).not.toContain('type Query');
      const ent = await post(url(), ENTITIES, headers, {
        r: [{ __typename: 'Agency', id: '00000000-0000-4000-8000-000000000001' }],
      });
      expect(ent.status).toBe(403);
      const plain = await post(url(), `{ __typename }`, headers);
      expect(plain.status).toBe(403);
    }
    const stats = await fetch(url().replace(/\/graphql$/, '/internal/stats'));
    expect(stats.status).toBe(403);
  });

  test('with the secret (as the gateway sends it), the same call is answered: the refusal above is the secret check', async () => {
    const svc = await post(url(), SERVICE, { [INTERNAL_SECRET_HEADER]: internalSecret() });
    expect(svc.status).toBe(200);
    expect(svc.body.data?._service?.sdl).toContain('@key');
  });
});

describe('the gateway does not expose federation internals or internal queries', () => {
  test('_service, _entities and @inaccessible internal queries are not in the public schema', async () => {
    expect(code(await p.gql(SERVICE))).toBe('BAD_USER_INPUT');
    expect(
      code(await p.gql(ENTITIES, { r: [{ __typename: 'Agency', id: '00000000-0000-4000-8000-000000000001' }] })),
    ).toBe('BAD_USER_INPUT');
    const internal = await p.gql(`{ officerFacts(ids: []) { id } }`, {}, { token: admin });
    expect(code(internal)).toBe('BAD_USER_INPUT');
    expect(code(await p.gql(`{ agencyFacts(ids: []) { id } }`, {}, { token: admin }))).toBe('BAD_USER_INPUT');
  });

  test('internal queries refuse a user token even when the secret is right (service token required)', async () => {
    const r = await post(p.subgraphs.personnel.url, `{ agencyFacts(ids: []) { id } }`, {
      [INTERNAL_SECRET_HEADER]: internalSecret(),
      authorization: `Bearer ${admin}`,
    });
    expect(code(r.body)).toBe('FORBIDDEN');
  });
});

describe('tokens', () => {
  const PROTECTED = `{ officers(agencyId: "00000000-0000-4000-8000-000000000001") { edges { cursor } } }`;

  test('an expired token is UNAUTHENTICATED, also on public fields (a bad token is never treated as no token)', async () => {
    const expired = await token({ role: Role.ADMIN, sub: 'admin-1' }, Math.floor(Date.now() / 1000) - 60);
    const r = await p.gql(PROTECTED, {}, { token: expired });
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(r.errors![0].message).toMatch(/expired/);
    expect(code(await p.gql(`{ agencies { id } }`, {}, { token: expired }))).toBe('UNAUTHENTICATED');
  });

  test('a token signed with another secret, a malformed header and a token missing its agency claim are UNAUTHENTICATED', async () => {
    const forged = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-secret'));
    expect(code(await p.gql(PROTECTED, {}, { token: forged }))).toBe('UNAUTHENTICATED');
    expect(code(await p.gql(PROTECTED, {}, { headers: { authorization: `Token ${admin}` } }))).toBe('UNAUTHENTICATED');
    expect(code(await p.gql(PROTECTED, {}, { token: 'a.b.c' }))).toBe('UNAUTHENTICATED');
    const noAgency = await new SignJWT({ role: 'OFFICER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('o-1')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(jwtSecret()));
    const r = await p.gql(PROTECTED, {}, { token: noAgency });
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(r.errors![0].message).toMatch(/agencyId/);
  });

  test('an unsigned (alg: none) token is refused', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none' })}.${b64({ role: 'ADMIN', sub: 'x', exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    expect(code(await p.gql(PROTECTED, {}, { token: none }))).toBe('UNAUTHENTICATED');
  });

  test('the servers still answer', async () => {
    const r = await p.gql(`{ agencies { id } }`);
    expect(r.errors).toBeUndefined();
    expect(r.status).toBe(200);
  });
});
