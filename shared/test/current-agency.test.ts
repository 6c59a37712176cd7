import { randomUUID } from 'node:crypto';

import { overrideConfig } from '../src/config';
import { AppError } from '../src/errors';
import { CurrentAgencies, type OfficerAgencySource } from '../src/identity/current-agency';
import { type Identity, Role } from '../src/identity/roles';

/**
 * The stale-token check's cache and batching, against an in-memory answer (the real sources — personnel's
 * table and its internal query — are exercised through the gateway in test/transfer-stale-token.test.ts).
 */
const A = randomUUID();
const B = randomUUID();
const officer = randomUUID();

/** Personnel's answer as a table the test changes, counting how often and with what it is asked. */
function world(initial: Record<string, string>) {
  const table = new Map(Object.entries(initial));
  const calls: string[][] = [];
  let down = false;
  const source: OfficerAgencySource = async (ids) => {
    calls.push([...ids]);
    if (down) throw new AppError('DEPENDENCY_UNAVAILABLE', 'personnel did not answer');
    return new Map(ids.filter((id) => table.has(id)).map((id) => [id, table.get(id)!]));
  };
  return { table, calls, source, setDown: (d: boolean) => void (down = d) };
}

const as = (sub: string, agencyId: string, role = Role.OFFICER): Identity => ({ role, sub, agencyId });
const outcome = (p: Promise<void>) =>
  p.then(
    () => 'OK',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let restore: () => void;
beforeEach(() => {
  restore = overrideConfig({ OFFICER_AGENCY_CACHE_MS: '200' });
});
afterEach(() => restore());

test('a token naming the officer’s current agency passes; concurrent checks of many officers are one lookup', async () => {
  const others = Array.from({ length: 20 }, () => randomUUID());
  const w = world(Object.fromEntries([[officer, A], ...others.map((o) => [o, A])]));
  const checks = new CurrentAgencies(w.source);
  const results = await Promise.all([officer, officer, ...others].map((o) => outcome(checks.check(as(o, A)))));
  expect(results.every((r) => r === 'OK')).toBe(true);
  expect(w.calls).toHaveLength(1);
  expect(new Set(w.calls[0])).toEqual(new Set([officer, ...others]));
});

test('answers are reused inside the window and asked again after it', async () => {
  const w = world({ [officer]: A });
  const checks = new CurrentAgencies(w.source);
  await checks.check(as(officer, A));
  await checks.check(as(officer, A));
  expect(w.calls).toHaveLength(1);
  await sleep(250);
  await checks.check(as(officer, A));
  expect(w.calls).toHaveLength(2);
});

test('after a transfer: the old token passes until the window ends, then is UNAUTHENTICATED; the new one passes at once', async () => {
  const w = world({ [officer]: A });
  const checks = new CurrentAgencies(w.source);
  await checks.check(as(officer, A));
  w.table.set(officer, B); // transferred
  expect(await outcome(checks.check(as(officer, A)))).toBe('OK'); // the cached answer, inside the window
  // A token naming another agency than the cache is confirmed with the source before it is refused.
  expect(await outcome(checks.check(as(officer, B)))).toBe('OK');
  expect(w.calls).toHaveLength(2);
  await sleep(250);
  expect(await outcome(checks.check(as(officer, A)))).toBe('UNAUTHENTICATED');
  const refusal = await checks.check(as(officer, A)).catch((e: AppError) => e);
  expect((refusal as AppError).message).toMatch(/transfer.*调动后请重新登录/);
});

test('every agency role is checked; other roles, unknown subs and subs that are not ids are not', async () => {
  const w = world({ [officer]: A });
  const checks = new CurrentAgencies(w.source);
  for (const role of [Role.OFFICER, Role.LEGAL_REVIEWER, Role.AGENCY_HEAD])
    expect(await outcome(checks.check(as(officer, B, role)))).toBe('UNAUTHENTICATED');
  const asked = w.calls.length;
  expect(await outcome(checks.check({ role: Role.SUPERVISOR, sub: officer, region: '宁晋县' }))).toBe('OK');
  expect(await outcome(checks.check({ role: Role.INTEGRATOR, sub: officer, agencyId: B }))).toBe('OK');
  expect(await outcome(checks.check({ role: Role.ADMIN, sub: officer }))).toBe('OK');
  expect(await outcome(checks.check({ role: null }))).toBe('OK');
  expect(await outcome(checks.check(as('head-a', B, Role.AGENCY_HEAD)))).toBe('OK');
  expect(w.calls.length).toBe(asked); // none of these asked
  expect(await outcome(checks.check(as(randomUUID(), B)))).toBe('OK'); // asked: not an officer
  expect(w.calls.length).toBe(asked + 1);
  expect(await outcome(checks.check(as(officer.toUpperCase(), A)))).toBe('OK'); // ids compare case-insensitively
});

test('personnel not answering: agency-role tokens are DEPENDENCY_UNAVAILABLE unless a fresh answer is cached; the next answer is used', async () => {
  const w = world({ [officer]: A });
  const checks = new CurrentAgencies(w.source);
  await checks.check(as(officer, A));
  w.setDown(true);
  expect(await outcome(checks.check(as(officer, A)))).toBe('OK'); // cached inside the window
  expect(await outcome(checks.check(as(officer, B)))).toBe('DEPENDENCY_UNAVAILABLE'); // a refusal must be confirmed
  await sleep(250);
  expect(await outcome(checks.check(as(officer, A)))).toBe('DEPENDENCY_UNAVAILABLE');
  expect(await outcome(checks.check(as(randomUUID(), A)))).toBe('DEPENDENCY_UNAVAILABLE');
  expect(await outcome(checks.check(as('not-an-officer-id', A)))).toBe('OK');
  w.setDown(false);
  expect(await outcome(checks.check(as(officer, A)))).toBe('OK');
});
