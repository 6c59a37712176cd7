import { randomUUID } from 'node:crypto';

import { overrideConfig } from '../src/config';
import { AppError } from '../src/errors';
import { CurrentAgencies } from '../src/identity/current-agency';
import { identityFromHeader, signDevToken } from '../src/identity/jwt';
import { Role } from '../src/identity/roles';
import { subgraphIdentify } from '../src/server/subgraph';

/**
 * A subgraph verifies a caller's token once and keeps the identity (every request of the caller brings the
 * same token), while the stale-token check still runs on every request. Personnel's answer is a table here.
 */
const A = randomUUID();
const B = randomUUID();
const officer = randomUUID();

function setup() {
  const table = new Map<string, string>([[officer, A]]);
  let verified = 0;
  const identify = subgraphIdentify(
    new CurrentAgencies(async (ids) => new Map(ids.filter((id) => table.has(id)).map((id) => [id, table.get(id)!]))),
    (header) => {
      verified++;
      return identityFromHeader(header);
    },
  );
  return { table, identify, verified: () => verified };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

test('the same token is verified once; the identity is the same each time', async () => {
  const s = setup();
  const header = `Bearer ${await signDevToken({ role: Role.SUPERVISOR, sub: 'sup-1', region: '基准县' }, '1h')}`;
  const first = await s.identify(header);
  for (let i = 0; i < 5; i++) expect(await s.identify(header)).toEqual(first);
  expect(first).toMatchObject({ role: Role.SUPERVISOR, region: '基准县' });
  expect(s.verified()).toBe(1);
});

test('a bad token is refused every time (nothing kept), the public is not verified', async () => {
  const s = setup();
  for (let i = 0; i < 3; i++) expect(await code(s.identify('Bearer not-a-token'))).toBe('UNAUTHENTICATED');
  expect(s.verified()).toBe(3);
  expect(await s.identify(undefined)).toEqual({ role: null });
});

test('a kept token still meets the stale-token check on every request: a transferred officer is refused', async () => {
  // No window for personnel's answer here, so the check's outcome follows the table at once.
  const restore = overrideConfig({ OFFICER_AGENCY_CACHE_MS: '0' });
  const s = setup();
  const header = `Bearer ${await signDevToken({ role: Role.OFFICER, sub: officer, agencyId: A }, '1h')}`;
  expect(await code(s.identify(header))).toBe('OK');
  s.table.set(officer, B);
  try {
    expect(await code(s.identify(header))).toBe('UNAUTHENTICATED');
    expect(s.verified()).toBe(1);
  } finally {
    restore();
  }
});
