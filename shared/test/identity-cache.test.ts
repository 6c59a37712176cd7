import { overrideConfig } from '../src/config';
import { cachedIdentityFromHeader } from '../src/identity/cache';
import { identityFromHeader, signDevToken } from '../src/identity/jwt';
import { Role } from '../src/identity/roles';

/** The edge keeps what a token verified to (shared/src/identity/cache.ts; subgraphs use it too); everything a fresh verification refuses stays refused. */
let clock = Date.now();
let verified = 0;
const counting = (header: string | undefined) => {
  verified++;
  return identityFromHeader(header);
};
const officer = { role: Role.OFFICER, sub: 'officer-1', agencyId: 'agency-1' };

beforeEach(() => {
  clock = Date.now();
  verified = 0;
});

test('a valid token is verified once, then taken as verified until a minute has passed', async () => {
  const identify = cachedIdentityFromHeader(counting, () => clock);
  const header = `Bearer ${await signDevToken(officer, '1h')}`;
  expect(await identify(header)).toEqual({ role: Role.OFFICER, sub: 'officer-1', agencyId: 'agency-1' });
  const again = await identify(header);
  expect(again).toEqual({ role: Role.OFFICER, sub: 'officer-1', agencyId: 'agency-1' });
  expect(verified).toBe(1);
  again.role = Role.ADMIN; // each request gets its own copy
  expect((await identify(header)).role).toBe(Role.OFFICER);
  clock += 61_000;
  await identify(header);
  expect(verified).toBe(2);
});

test('a kept token is verified again once its exp has passed', async () => {
  const identify = cachedIdentityFromHeader(counting, () => clock);
  const exp = Math.floor(Date.now() / 1000) + 30;
  const header = `Bearer ${await signDevToken(officer, exp)}`;
  await identify(header);
  clock = exp * 1000 - 1;
  await identify(header);
  expect(verified).toBe(1);
  clock = exp * 1000;
  await identify(header);
  expect(verified).toBe(2);
});

test('bad tokens are refused every time, never kept', async () => {
  const identify = cachedIdentityFromHeader(counting, () => clock);
  const good = await signDevToken(officer, '1h');
  const forged = `Bearer ${good.slice(0, -4)}AAAA`;
  await expect(identify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  await expect(identify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  await expect(identify('Bearer not-a-token')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  expect(verified).toBe(3);
  expect(await identify(undefined)).toEqual({ role: null });
});

test('a new signing secret verifies every kept token again', async () => {
  const identify = cachedIdentityFromHeader(counting, () => clock);
  const header = `Bearer ${await signDevToken(officer, '1h')}`;
  await identify(header);
  const restore = overrideConfig({ JWT_SECRET: 'another-secret-of-at-least-32-characters-long' });
  try {
    await expect(identify(header)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  } finally {
    restore();
  }
  expect(verified).toBe(2);
});
