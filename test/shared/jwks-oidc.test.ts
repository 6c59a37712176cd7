import { AppError, overrideConfig, Role, signDevToken, verifyUserToken } from '@tsp/shared';
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';

import { type OidcProvider, startOidcProvider } from '../kit/oidc-provider';
import { type Platform, startPlatform } from '../kit/platform';

/**
 * User tokens in production mode (JWKS_URL) against a real OpenID provider: oidc-provider issues JWT
 * access tokens over its token endpoint (client_credentials, resource indicator), signed with its own
 * ES256 keys, and verifyUserToken checks them against the jwks_uri of its discovery document.
 */
const API = 'https://api.tsp.test';
const OTHER_APP = 'https://other-app.test';
const AGENCY = 'agency-ningjin-market';

let idp: OidcProvider;
let main: string;
let restoreConfig: (() => void) | undefined;

/** Production configuration pointing at `issuer` of `provider` (default: the main issuer). */
async function useProvider(provider = idp, issuer = main) {
  const d = await provider.discovery(issuer);
  restoreConfig?.();
  restoreConfig = overrideConfig({ JWKS_URL: d.jwks_uri, JWT_ISSUER: d.issuer, JWT_AUDIENCE: API });
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) =>
      e instanceof AppError ? `${e.code}: ${e.message}` : `${(e as Error).constructor.name}: ${(e as Error).message}`,
  );

beforeAll(async () => {
  idp = await startOidcProvider({
    issuers: ['main', 'other-tenant'],
    resources: [API, OTHER_APP],
    clients: [
      { id: 'officer-app', secret: 'officer-secret', claims: { role: Role.OFFICER, agencyId: AGENCY } },
      { id: 'supervision-app', secret: 'supervision-secret', claims: { role: Role.SUPERVISOR, region: '宁晋县' } },
      { id: 'admin-console', secret: 'admin-secret', claims: { role: Role.ADMIN } },
      { id: 'short-lived', secret: 'short-secret', claims: { role: Role.ADMIN }, ttl: 3 },
      { id: 'day-long', secret: 'day-long-secret', claims: { role: Role.ADMIN }, ttl: 13 * 3600 },
      {
        id: 'feed-client',
        secret: 'feed-secret',
        claims: { role: Role.INTEGRATOR, region: '宁晋县' },
        ttl: 60 * 86_400,
      },
    ],
  });
  main = idp.issuers.main;
});
beforeEach(() => useProvider());
afterEach(() => {
  jest.restoreAllMocks();
  restoreConfig?.();
  restoreConfig = undefined;
});
afterAll(async () => {
  await idp?.stop();
});

test("a token from the provider's token endpoint becomes the identity its claims name", async () => {
  const officer = await idp.token(main, 'officer-app', API);
  expect(decodeProtectedHeader(officer)).toMatchObject({ alg: 'ES256', kid: idp.kid });
  expect(await verifyUserToken(officer)).toEqual({ role: Role.OFFICER, sub: 'officer-app', agencyId: AGENCY });
  expect(await verifyUserToken(await idp.token(main, 'supervision-app', API))).toEqual({
    role: Role.SUPERVISOR,
    sub: 'supervision-app',
    region: '宁晋县',
  });
});

test('a token the same provider issued for another application (audience) is refused', async () => {
  const other = await idp.token(main, 'admin-console', OTHER_APP);
  expect(await refusal(verifyUserToken(other))).toBe('UNAUTHENTICATED: invalid token: unexpected "aud" claim value');
});

test("a token of another issuer is refused, even signed with keys the JWKS publishes (another tenant's)", async () => {
  const otherTenant = await idp.token(idp.issuers['other-tenant'], 'admin-console', API);
  expect(decodeProtectedHeader(otherTenant).kid).toBe(idp.kid);
  expect(await refusal(verifyUserToken(otherTenant))).toBe(
    'UNAUTHENTICATED: invalid token: unexpected "iss" claim value',
  );
});

test('an HS256 token signed with JWT_SECRET is refused in JWKS mode, with the right iss and aud', async () => {
  const dev = await signDevToken({ role: Role.ADMIN, sub: 'admin-1' });
  expect(await refusal(verifyUserToken(dev))).toBe(
    'UNAUTHENTICATED: invalid token: "alg" (Algorithm) Header Parameter value not allowed',
  );
});

test("a token signed with a key the provider never published is refused, even under the provider's kid", async () => {
  const { privateKey } = await generateKeyPair('ES256');
  const forged = await new SignJWT({ role: Role.ADMIN })
    .setProtectedHeader({ alg: 'ES256', kid: idp.kid })
    .setSubject('admin-console')
    .setIssuer(main)
    .setAudience(API)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
  expect(await refusal(verifyUserToken(forged))).toBe('UNAUTHENTICATED: invalid token: signature verification failed');
});

test("provider tokens longer-lived than the role's maximum are refused; an integrator's 60 days pass", async () => {
  expect(await refusal(verifyUserToken(await idp.token(main, 'day-long', API)))).toMatch(
    /^UNAUTHENTICATED: token lifetime 13h exceeds the maximum of 12h for role ADMIN/,
  );
  expect(await verifyUserToken(await idp.token(main, 'feed-client', API))).toMatchObject({ role: Role.INTEGRATOR });
});

test('an expired provider token is refused', async () => {
  const t = await idp.token(main, 'short-lived', API);
  expect(await verifyUserToken(t)).toEqual({ role: Role.ADMIN, sub: 'short-lived' });
  const { exp } = JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString()) as { exp: number };
  await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 100));
  expect(await refusal(verifyUserToken(t))).toBe('UNAUTHENTICATED: token expired / 令牌已过期');
});

test('after the provider rotates its signing key, its new tokens verify once the key set is refetched', async () => {
  // jose refetches the key set on an unknown kid, but at most once per 30 s. Date.now (which only
  // jose's cache reads; token times use new Date()) is set past its 10-minute cache so the first
  // verification fetches, then moved on to show both sides of the cooldown.
  let now = Date.now() + 11 * 60_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const before = await idp.token(main, 'admin-console', API);
  expect(await verifyUserToken(before)).toEqual({ role: Role.ADMIN, sub: 'admin-console' });

  const oldKid = idp.kid;
  const newKid = await idp.rotateKeys();
  const after = await idp.token(main, 'admin-console', API);
  expect(decodeProtectedHeader(after).kid).toBe(newKid);
  expect(newKid).not.toBe(oldKid);
  // Within 30 s of the last fetch the new kid is not looked up yet.
  expect(await refusal(verifyUserToken(after))).toMatch(/^UNAUTHENTICATED: invalid token: no applicable key found/);

  now += 31_000;
  expect(await verifyUserToken(after)).toEqual({ role: Role.ADMIN, sub: 'admin-console' });
  // The old key is still published: tokens issued before the rotation keep working until they expire.
  expect(await verifyUserToken(before)).toEqual({ role: Role.ADMIN, sub: 'admin-console' });
});

test('a changed JWKS_URL is honoured: the key set is cached per URL', async () => {
  const second = await startOidcProvider({
    issuers: ['main'],
    resources: [API],
    clients: [{ id: 'admin-console', secret: 's', claims: { role: Role.ADMIN } }],
  });
  try {
    expect(await verifyUserToken(await idp.token(main, 'admin-console', API))).toEqual({
      role: Role.ADMIN,
      sub: 'admin-console',
    });
    await useProvider(second, second.issuers.main);
    expect(await verifyUserToken(await second.token(second.issuers.main, 'admin-console', API))).toEqual({
      role: Role.ADMIN,
      sub: 'admin-console',
    });
  } finally {
    await second.stop();
  }
});

describe('JWKS_URL without JWT_ISSUER or JWT_AUDIENCE', () => {
  // The services check this at start-up (test/config-at-start.test.ts runs them as processes).
  test('is refused as configuration, naming what is missing', () => {
    expect(() => overrideConfig({ JWT_ISSUER: undefined, JWT_AUDIENCE: undefined })).toThrow(
      'JWT_ISSUER: required because JWKS_URL is set (unset or empty); ' +
        'JWT_AUDIENCE: required because JWKS_URL is set (unset or empty)',
    );
    expect(() => overrideConfig({ JWT_ISSUER: main, JWT_AUDIENCE: '' })).toThrow(
      /^invalid configuration \(配置错误\): JWT_AUDIENCE: required because JWKS_URL is set \(unset or empty\)$/,
    );
  });

  test('a refused configuration changes nothing: tokens are still checked against the provider', async () => {
    expect(() => overrideConfig({ JWT_ISSUER: undefined })).toThrow('JWT_ISSUER: required because JWKS_URL is set');
    const t = await idp.token(main, 'admin-console', API);
    expect(await verifyUserToken(t)).toEqual({ role: Role.ADMIN, sub: 'admin-console' });
  });
});

describe('through the gateway', () => {
  let p: Platform;
  beforeAll(async () => {
    await useProvider();
    p = await startPlatform();
  });
  afterAll(async () => {
    await p?.stop();
  });

  test('a provider-issued token is accepted by the gateway and by the subgraph it forwards to; an HS256 one is not', async () => {
    const admin = await idp.token(main, 'admin-console', API);
    const created = await p.gql(
      `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id name } }`,
      {
        i: {
          code: 'JWKS-01',
          name: '宁晋县市场监督管理局',
          kind: 'MARKET_REGULATION',
          region: '宁晋县',
          legalOfficeName: '法规股',
        },
      },
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createAgency.name).toBe('宁晋县市场监督管理局');
    // The gateway verified the token, and so did personnel, to which it forwarded it with the mutation.
    const listed = await p.gql(`{ agencies(region: "宁晋县") { code } }`, {}, { token: admin });
    expect(listed.errors).toBeUndefined();
    expect(listed.data.agencies).toEqual([{ code: 'JWKS-01' }]);

    const dev = await signDevToken({ role: Role.ADMIN, sub: 'admin-1' });
    const refused = await p.gql(`{ agencies(region: "宁晋县") { code } }`, {}, { token: dev });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
