import { jwtSecret, overrideConfig, Role } from '@tsp/shared';
import { SignJWT } from 'jose';

import { type Platform, startPlatform, token } from '../kit/platform';

/**
 * A token without exp was accepted forever, any lifetime was
 * accepted, and webhook URLs on IPv4-compatible, NAT64 and 6to4 forms of 127.0.0.1 were registered.
 */
let p: Platform;
let admin: string;

beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: undefined });
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const QUERY = '{ agencies(region: "宁晋县") { id } }';
const refused = (code: string, text: string) => ({ extensions: { code }, message: expect.stringContaining(text) });
const sign = (claims: Record<string, unknown>, ttl?: string) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('s-1').setIssuedAt();
  if (ttl) jwt.setExpirationTime(ttl);
  return jwt.sign(new TextEncoder().encode(jwtSecret()));
};

test('a token without exp is refused by the gateway: UNAUTHENTICATED, saying why', async () => {
  const r = await p.gql(QUERY, {}, { token: await sign({ role: Role.ADMIN }) });
  expect(r.data?.agencies ?? null).toBeNull();
  expect(r.errors?.[0]).toMatchObject(refused('UNAUTHENTICATED', 'no "exp"'));
});

test('tokens valid longer than their role allows are refused; within it they pass', async () => {
  const tooLong = await p.gql(QUERY, {}, { token: await sign({ role: Role.ADMIN }, '30d') });
  expect(tooLong.errors?.[0]).toMatchObject(refused('UNAUTHENTICATED', 'exceeds the maximum of 12h'));
  const integrator = { role: Role.INTEGRATOR, region: '宁晋县' };
  const integratorTooLong = await p.gql(QUERY, {}, { token: await sign(integrator, '365d') });
  expect(integratorTooLong.errors?.[0]).toMatchObject(refused('UNAUTHENTICATED', 'maximum of 90d'));
  const ok = await p.gql(QUERY, {}, { token: await sign(integrator, '60d') });
  expect(ok.errors).toBeUndefined();
  expect(Array.isArray(ok.data.agencies)).toBe(true);
});

test.each(['::ffff:127.0.0.1', '::7f00:1', '64:ff9b::7f00:1', '2002:7f00:1::'])(
  'a webhook at [%s] (127.0.0.1 inside IPv6) is refused even with its host allowlisted',
  async (ip) => {
    const allow = 'mutation($h: String!) { allowWebhookHost(host: $h) { host } }';
    const allowed = await p.gql(allow, { h: `[${ip}]` }, { token: admin });
    expect(allowed.errors).toBeUndefined();
    const integrator = await token({ role: Role.INTEGRATOR, sub: `client-${ip}`, region: '宁晋县' });
    const r = await p.gql(
      'mutation($u: String!, $s: String!) { registerWebhook(url: $u, secret: $s) { id } }',
      { u: `http://[${ip}]:9/hook`, s: 'receiver-secret-0123456789' },
      { token: integrator },
    );
    expect(r.data?.registerWebhook ?? null).toBeNull();
    expect(r.errors?.[0]).toMatchObject(refused('BAD_USER_INPUT', 'internal address'));
  },
);
