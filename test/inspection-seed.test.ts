import { blobUploader, gqlClient } from '@tsp/scripts/seed/index';
import { type SeededInspections, seedInspections } from '@tsp/scripts/seed/inspections';
import { type SeededPersonnel, seedPersonnel } from '@tsp/scripts/seed/personnel';
import { Role, shanghaiDate } from '@tsp/shared';

import { type Platform, startPlatform, token } from './kit/platform';

/** The inspection demo seed runs through the API on top of the personnel seed, and shows the bureau 乱检查. */
let p: Platform;
let personnel: SeededPersonnel;
let seeded: SeededInspections;
beforeAll(async () => {
  p = await startPlatform();
  const as = gqlClient(p.gatewayUrl);
  personnel = await seedPersonnel((q, v) => as({ role: Role.ADMIN, sub: 'seed-admin' }, q, v));
  // With Idempotency-Keys, as the launcher runs it.
  seeded = await seedInspections(
    gqlClient(p.gatewayUrl, 'test-seed:inspections'),
    personnel,
    blobUploader(p.gatewayUrl),
  );
}, 240_000);
afterAll(async () => {
  await p?.stop();
});

const byKey = (key: string) => seeded.inspections.find((i) => i.key === key)!;

test('run again with the same keys, the seed replays: same enterprises, visits and codes, none doubled', async () => {
  const again = await seedInspections(
    gqlClient(p.gatewayUrl, 'test-seed:inspections'),
    personnel,
    blobUploader(p.gatewayUrl),
  );
  expect(again).toEqual(seeded);
  const sup = await token({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
  const r = await p.gql(`{ inspections(first: 100) { edges { node { id status } } } }`, {}, { token: sup });
  expect(r.errors).toBeUndefined();
  expect(r.data.inspections.edges).toHaveLength(seeded.inspections.length);
  expect(seeded.inspections.map((i) => `${i.key}:${i.status}`)).toEqual([
    'planningRoutine:FINISHED',
    'marketRoutine:FINISHED',
    'marketUrgent:FINISHED',
    'joint:FINISHED',
    'cultureApproved:APPROVED',
    'planningPlanned:PLANNED',
  ]);
}, 240_000);

test('the supervisor sees visits over the cap, not joined and poorly rated, at market regulation only', async () => {
  const sup = await token({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
  const r = await p.gql(
    `{ agencies(region: "宁晋县") { id inspectionFindings { kind subjectId detail } } }`,
    {},
    { token: sup },
  );
  expect(r.errors).toBeUndefined();
  const of = (id: string) =>
    r.data.agencies.find((a: { id: string }) => a.id === id).inspectionFindings as {
      kind: string;
      subjectId: string;
      detail: string;
    }[];
  const market = of(personnel.agencies.marketRegulation.id);
  expect(market.map((f) => `${f.kind}:${f.subjectId}`).sort()).toEqual(
    [
      `INSPECTIONS_NOT_JOINED:${byKey('marketRoutine').id}`,
      `INSPECTION_POORLY_RATED:${byKey('marketRoutine').id}`,
      `INSPECTION_OVER_CAP:${byKey('marketUrgent').id}`,
    ].sort(),
  );
  // Not joined with planning's visit the same day; over the per-day cap because of both earlier visits.
  expect(market.find((f) => f.kind === 'INSPECTIONS_NOT_JOINED')!.detail).toContain(byKey('planningRoutine').id);
  const overCap = market.find((f) => f.kind === 'INSPECTION_OVER_CAP')!.detail;
  expect(overCap).toContain('每日');
  expect(overCap).toContain(byKey('planningRoutine').id);
  for (const key of ['planning', 'justice', 'cultureTourism', 'township'] as const)
    expect(of(personnel.agencies[key].id)).toEqual([]);

  const summary = await p.gql(
    `query($f: Date!, $t: Date!) { supervisionSummary(region: "宁晋县", from: $f, to: $t) {
      agency { id } inspection { kind count } } }`,
    { f: shanghaiDate(), t: shanghaiDate() },
    { token: sup },
  );
  const counts = summary.data.supervisionSummary.find(
    (s: { agency: { id: string } }) => s.agency.id === personnel.agencies.marketRegulation.id,
  ).inspection;
  expect(counts).toEqual(expect.arrayContaining([{ kind: 'INSPECTION_OVER_CAP', count: 1 }]));
});

test('an enterprise verifies its code without a token; the published list and the annual plan are public', async () => {
  const VERIFY = `query($c: String!) { verifyInspectionCode(code: $c) {
    state kind approved rated enterpriseName creditCode agency { id } partnerAgencies { id } items { legalBasis } } }`;
  const joint = await p.gql(VERIFY, { c: byKey('joint').codes[0] });
  expect(joint.errors).toBeUndefined();
  expect(joint.data.verifyInspectionCode).toMatchObject({
    state: 'FINISHED',
    kind: 'JOINT',
    approved: true,
    rated: true,
    enterpriseName: '宁晋县河渠镇李记家常菜馆',
    agency: { id: personnel.agencies.marketRegulation.id },
    partnerAgencies: [{ id: personnel.agencies.township.id }],
  });
  // 个体工商户: registration authority 9, kind 2.
  expect(joint.data.verifyInspectionCode.creditCode).toMatch(/^92130528[0-9A-Z]{10}$/);
  const planned = (await p.gql(VERIFY, { c: byKey('planningPlanned').codes[0] })).data.verifyInspectionCode;
  expect(planned).toMatchObject({ state: 'NOT_APPROVED', approved: false, rated: false });
  expect(planned.items).toEqual([{ legalBasis: '《中华人民共和国城乡规划法》第四十五条、第五十三条' }]);
  expect((await p.gql(VERIFY, { c: byKey('cultureApproved').codes[0] })).data.verifyInspectionCode.state).toBe(
    'NOT_YET_VALID',
  );

  const year = Number(shanghaiDate().slice(0, 4));
  const r = await p.gql(
    `query($a: ID!, $y: Int!) { agency(id: $a) { inspectionItems { id name legalBasis }
      inspectionPlan(year: $y) { item { id } planned done } } }`,
    { a: personnel.agencies.planning.id, y: year },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.agency.inspectionItems.map((i: { legalBasis: string }) => i.legalBasis)).toContain(
    '《中华人民共和国城乡规划法》第五十三条',
  );
  expect(r.data.agency.inspectionPlan).toEqual(
    expect.arrayContaining([{ item: { id: seeded.items.planningPermit }, planned: 24, done: 1 }]),
  );
  for (const key of ['planning', 'justice', 'cultureTourism', 'marketRegulation', 'township'] as const) {
    const plan = await p.gql(`query($a: ID!, $y: Int!) { inspectionPlan(agencyId: $a, year: $y) { planned } }`, {
      a: personnel.agencies[key].id,
      y: year,
    });
    expect(plan.data.inspectionPlan.length).toBeGreaterThan(0);
  }
});
