import { gqlClient } from '@tsp/scripts/seed/index';
import { AGENCY_CODES, type SeededPersonnel, seedPersonnel } from '@tsp/scripts/seed/personnel';
import { Role } from '@tsp/shared';

import { type Platform, startPlatform, token } from './kit/platform';

let p: Platform;
let seeded: SeededPersonnel;
beforeAll(async () => {
  p = await startPlatform();
  // The launcher's own client (answers `data`, throws on errors), so the seed is tested as npm start runs it.
  const as = gqlClient(p.gatewayUrl);
  seeded = await seedPersonnel((q, v) => as({ role: Role.ADMIN, sub: 'seed-admin' }, q, v));
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

test('the public sees the five agencies of 宁晋县, exactly one below the 5% reviewer rule (市场监督管理局)', async () => {
  const r = await p.gql(`{ agencies(region: "宁晋县") { name region isSupervisor reviewerStaffing { compliant } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.agencies).toHaveLength(5);
  expect(r.data.agencies.every((a: { region: string }) => a.region === '宁晋县')).toBe(true);
  const names = r.data.agencies.map((a: { name: string }) => a.name).sort();
  expect(names).toEqual(
    ['宁晋县城乡规划局', '宁晋县司法局', '宁晋县市场监督管理局', '宁晋县文化和旅游局', '宁晋县河渠镇人民政府'].sort(),
  );
  const nonCompliant = r.data.agencies.filter(
    (a: { reviewerStaffing: { compliant: boolean } }) => !a.reviewerStaffing.compliant,
  );
  expect(nonCompliant.map((a: { name: string }) => a.name)).toEqual(['宁晋县市场监督管理局']);
  expect(
    r.data.agencies.filter((a: { isSupervisor: boolean }) => a.isSupervisor).map((a: { name: string }) => a.name),
  ).toEqual(['宁晋县司法局']);
});

test('the returned object names every agency by code and 5–22 officers each, with reviewers in every agency', () => {
  expect(Object.keys(seeded.agencyIds).sort()).toEqual(Object.values(AGENCY_CODES).sort());
  for (const code of Object.values(AGENCY_CODES)) {
    const staff = seeded.officers.filter((o) => o.agencyCode === code);
    expect(staff.length).toBeGreaterThanOrEqual(5);
    expect(staff.some((o) => o.role === 'LEGAL_REVIEWER')).toBe(true);
    expect(staff.every((o) => o.agencyId === seeded.agencyIds[code])).toBe(true);
  }
  const market = seeded.officers.filter((o) => o.agencyKey === 'marketRegulation');
  expect(market.filter((o) => o.role === 'ENFORCEMENT')).toHaveLength(21);
  expect(market.filter((o) => o.role === 'LEGAL_REVIEWER')).toHaveLength(1);
  expect(new Set(seeded.officers.map((o) => o.id)).size).toBe(seeded.officers.length);
});

test('the supervisor sees the seeded findings: staffing, credentials expiring within 30 days, officers without training last year', async () => {
  const sup = await token({ role: Role.SUPERVISOR, sub: 'sfj-1', region: '宁晋县' });
  const r = await p.gql(
    `{ agencies(region: "宁晋县") { code personnelFindings { kind subjectId agency { name } } } }`,
    {},
    { token: sup },
  );
  expect(r.errors).toBeUndefined();
  const byCode = Object.fromEntries(
    r.data.agencies.map((a: any) => [a.code, a.personnelFindings.map((f: any) => f.kind)]),
  );
  const count = (code: string, kind: string) => byCode[code].filter((k: string) => k === kind).length;
  expect(count(AGENCY_CODES.marketRegulation, 'REVIEWER_STAFFING_BELOW_MINIMUM')).toBe(1);
  expect(
    Object.values(AGENCY_CODES)
      .map((c) => count(c, 'REVIEWER_STAFFING_BELOW_MINIMUM'))
      .reduce((a, b) => a + b),
  ).toBe(1);
  const expiring = Object.values(AGENCY_CODES)
    .map((c) => count(c, 'CREDENTIAL_EXPIRING'))
    .reduce((a, b) => a + b);
  expect(expiring).toBe(seeded.credentials.filter((c) => c.state === 'EXPIRING').length);
  expect(expiring).toBeGreaterThanOrEqual(2);
  expect(count(AGENCY_CODES.marketRegulation, 'NO_TRAINING_LAST_YEAR')).toBe(3);
  expect(count(AGENCY_CODES.planning, 'NO_TRAINING_LAST_YEAR')).toBe(0);
  const market = r.data.agencies.find((a: any) => a.code === AGENCY_CODES.marketRegulation);
  expect(market.personnelFindings.every((f: any) => f.agency.name === '宁晋县市场监督管理局')).toBe(true);
});

test('one suspended and one expired credential answer valid: false to the public check', async () => {
  const suspended = seeded.credentials.filter((c) => c.state === 'SUSPENDED');
  const expired = seeded.credentials.filter((c) => c.state === 'EXPIRED');
  expect(suspended).toHaveLength(1);
  expect(expired).toHaveLength(1);
  for (const [c, status] of [
    [suspended[0], 'SUSPENDED'],
    [expired[0], 'EXPIRED'],
  ] as const) {
    const r = await p.gql(`query($n: String!) { verifyCredential(number: $n) { valid status } }`, { n: c.number });
    expect(r.data.verifyCredential).toEqual({ valid: false, status });
  }
  const good = seeded.credentials.find((c) => c.state === 'VALID')!;
  const r = await p.gql(`query($n: String!) { verifyCredential(number: $n) { valid status region } }`, {
    n: good.number,
  });
  expect(r.data.verifyCredential).toEqual({ valid: true, status: 'VALID', region: '宁晋县' });
  expect(good.number).toMatch(/^130528\d{8}$/);
});
