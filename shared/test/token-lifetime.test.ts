import { SignJWT } from 'jose';

import {
  jwtSecret,
  overrideConfig,
  parseDurationSeconds,
  Role,
  signDevToken,
  tokenLifetimeLimits,
  tokenLifetimeProblem,
  verifyUserToken,
} from '../src';

const H = 3600;
const D = 86_400;
const NOW = 1_800_000_000;
const limits = { userSeconds: 12 * H, integratorSeconds: 90 * D };
type Refusal = { extensions?: { code?: string }; message: string };
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: Refusal) => `${e.extensions?.code}: ${e.message}`,
  );

describe('tokenLifetimeProblem (the rule)', () => {
  test('no exp is refused, whatever else the token says', () => {
    expect(tokenLifetimeProblem({ iat: NOW, role: 'ADMIN' }, NOW, limits)).toMatch(/no "exp"/);
    expect(tokenLifetimeProblem({ exp: 'tomorrow', iat: NOW }, NOW, limits)).toMatch(/no "exp"/);
  });

  test.each([
    ['OFFICER', 12 * H, null],
    ['OFFICER', 12 * H + 1, /lifetime 12h1s exceeds the maximum of 12h for role OFFICER \(USER_TOKEN_MAX_LIFETIME\)/],
    ['SUPERVISOR', 13 * H, /exceeds the maximum of 12h/],
    ['INTEGRATOR', 60 * D, null],
    ['INTEGRATOR', 90 * D, null],
    ['INTEGRATOR', 90 * D + 1, /maximum of 90d for role INTEGRATOR \(INTEGRATOR_TOKEN_MAX_LIFETIME\)/],
  ])('%s valid %i s from iat', (role, lifetime, expected) => {
    const problem = tokenLifetimeProblem({ role, iat: NOW, exp: NOW + lifetime }, NOW, limits);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  test('without iat the lifetime counts from now; an iat in the future does not shorten it', () => {
    expect(tokenLifetimeProblem({ role: 'ADMIN', exp: NOW + 11 * H }, NOW, limits)).toBeNull();
    expect(tokenLifetimeProblem({ role: 'ADMIN', exp: NOW + 13 * H }, NOW, limits)).toMatch(/exceeds/);
    const futureIat = { role: 'ADMIN', iat: NOW + 300 * D, exp: NOW + 300 * D + H };
    expect(tokenLifetimeProblem(futureIat, NOW, limits)).toMatch(/exceeds/);
    // Issued long ago, still inside its lifetime: fine (expiry itself is jose's check).
    expect(tokenLifetimeProblem({ role: 'ADMIN', iat: NOW - 11 * H, exp: NOW + H }, NOW, limits)).toBeNull();
  });
});

describe('configuration', () => {
  const restores: (() => void)[] = [];
  const override = (vars: Parameters<typeof overrideConfig>[0]) => restores.push(overrideConfig(vars));
  afterEach(() => {
    while (restores.length) restores.pop()!();
  });

  test.each([
    ['12h', 12 * H],
    ['90d', 90 * D],
    ['30m', 1800],
    ['3600', 3600],
    ['45s', 45],
    ['0', undefined],
    ['1w', undefined],
    ['-1h', undefined],
  ])('duration %s → %s seconds', (raw, seconds) => expect(parseDurationSeconds(raw)).toBe(seconds));

  test('defaults 12h and 90d; the variables change them; a bad value names the variable', () => {
    override({ USER_TOKEN_MAX_LIFETIME: undefined, INTEGRATOR_TOKEN_MAX_LIFETIME: undefined });
    expect(tokenLifetimeLimits()).toEqual({ userSeconds: 12 * H, integratorSeconds: 90 * D });
    override({ USER_TOKEN_MAX_LIFETIME: '1h', INTEGRATOR_TOKEN_MAX_LIFETIME: '7d' });
    expect(tokenLifetimeLimits()).toEqual({ userSeconds: H, integratorSeconds: 7 * D });
    expect(() => override({ USER_TOKEN_MAX_LIFETIME: 'forever' })).toThrow(
      'USER_TOKEN_MAX_LIFETIME: expected a duration such as 12h, 90d or 3600 (seconds), got "forever"',
    );
  });
});

describe('verifyUserToken (HS256 development mode)', () => {
  const key = () => new TextEncoder().encode(jwtSecret());

  test('a signed token without exp is UNAUTHENTICATED with a clear message', async () => {
    const eternal = await new SignJWT({ role: Role.ADMIN })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin-1')
      .setIssuedAt()
      .sign(key());
    expect(await refusal(verifyUserToken(eternal))).toMatch(/^UNAUTHENTICATED: token has no "exp" \(expiry\) claim/);
  });

  test('a user token valid 13 h is refused; 12 h passes; an integrator may hold 60 days', async () => {
    const sign = (role: Role, ttl: string, extra: Record<string, unknown> = {}) =>
      new SignJWT({ role, ...extra })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('s-1')
        .setIssuedAt()
        .setExpirationTime(ttl)
        .sign(key());
    expect(await refusal(verifyUserToken(await sign(Role.ADMIN, '13h')))).toMatch(
      /^UNAUTHENTICATED: token lifetime 13h exceeds the maximum of 12h/,
    );
    expect(await verifyUserToken(await sign(Role.ADMIN, '12h'))).toEqual({ role: Role.ADMIN, sub: 's-1' });
    const region = { region: '宁晋县' };
    expect(await verifyUserToken(await sign(Role.INTEGRATOR, '60d', region))).toMatchObject({ role: Role.INTEGRATOR });
    expect(await refusal(verifyUserToken(await sign(Role.INTEGRATOR, '91d', region)))).toMatch(
      /maximum of 90d for role INTEGRATOR/,
    );
  });

  test('signDevToken: a token signed across a second boundary is still within its lifetime', async () => {
    // jose reads the clock once for iat and again for exp: each read here is 600 ms later than the last, so the
    // two land in different seconds. Lifetime counted from such an iat came out 12h1s and the token was refused.
    const RealDate = Date;
    let t = RealDate.UTC(2026, 11, 6, 3, 0, 0, 700);
    global.Date = class extends RealDate {
      constructor(...args: []) {
        super(...((args.length ? args : [(t += 600)]) as []));
      }
      static now() {
        return (t += 600);
      }
    } as DateConstructor;
    try {
      for (let i = 0; i < 4; i++) {
        await expect(signDevToken({ role: Role.ADMIN, sub: 'a' })).resolves.toEqual(expect.any(String));
      }
    } finally {
      global.Date = RealDate;
    }
  });

  test('signDevToken: 12 h by default, an integrator may ask for 60 days, an over-long one is not signed', async () => {
    type Times = { iat: number; exp: number };
    const payload = (t: string) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString()) as Times;
    const user = payload(await signDevToken({ role: Role.OFFICER, sub: 'o-1', agencyId: 'a-1' }));
    expect(user.exp - user.iat).toBe(12 * H);
    const integrator = payload(await signDevToken({ role: Role.INTEGRATOR, sub: 'i-1', region: 'r' }, '60d'));
    expect(integrator.exp - integrator.iat).toBe(60 * D);
    await expect(signDevToken({ role: Role.OFFICER, sub: 'o-1', agencyId: 'a-1' }, '24h')).rejects.toThrow(
      /exceeds the maximum of 12h/,
    );
  });
});
