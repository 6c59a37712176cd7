import { addCalendarDays, Role, shanghaiDate } from '@tsp/shared';

import { setupInspectionWorld } from './kit/inspection-fixtures';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { APPEND, OPEN, penaltyCase, photo, type RecordsWorld, video } from './kit/records-fixtures';

/**
 * 涉企行政检查 through the gateway: plan → approve → the enterprise verifies the code without a token → start (its
 * records case) → finish with a case opened → the enterprise rates → the bureau's findings; and each refusal.
 */
let p: Platform;
let w: RecordsWorld;
let bHead: string, bOfficer2: string, publicRating: string;
let e1: string, e2: string, itemA: string, itemB: string;
const today = shanghaiDate();
const week = addCalendarDays(today, 7);
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

const PLAN = `mutation($i: PlanInspectionInput!) { planInspection(input: $i) {
  id status kind targets { code qrPayload enterprise { id } } officers { name credentialNumber } } }`;
const APPROVE = `mutation($id: ID!) { approveInspection(id: $id) { id status approvedAt } }`;
const START = `mutation($id: ID!, $c: ID!) { startInspection(id: $id, recordsCaseId: $c) {
  id status startedAt recordsCase { id caseNumber } } }`;
const FINISH = `mutation($id: ID!, $o: InspectionOutcome!, $n: String, $c: ID) {
  finishInspection(id: $id, outcome: $o, note: $n, caseId: $c) { id status outcome outcomeCase { id caseNumber } } }`;
const VERIFY = `query($c: String!) { verifyInspectionCode(code: $c) {
  state kind approved validFrom validUntil rated enterpriseName creditCode
  agency { id name } officers { name credentialNumber agency { id } } items { id name legalBasis } } }`;
const RATE = `mutation($c: String!, $s: Int!, $m: String) { rateInspection(code: $c, score: $s, comment: $m) { score } }`;

beforeAll(async () => {
  p = await startPlatform();
  ({ w, bHead, bOfficer2, itemA, itemB } = await setupInspectionWorld(p));
  const register = async (creditCode: string, name: string) =>
    ok(
      await p.gql(
        `mutation($i: EnterpriseInput!) { registerEnterprise(input: $i) { id } }`,
        { i: { creditCode, name, region: '宁晋县' } },
        { token: w.tokens.a },
      ),
    ).registerEnterprise.id as string;
  e1 = await register('914403001922038216', '宁晋县示例建材有限公司');
  e2 = await register('91130528MA0F00D01R', '宁晋县示例食品有限公司');
  publicRating = '';
});
afterAll(async () => {
  await p?.stop();
});

const plan = (extra: Record<string, unknown> = {}, tok = w.tokens.a) =>
  p.gql(
    PLAN,
    {
      i: {
        kind: 'ROUTINE',
        reason: '2026年度双随机抽查',
        enterpriseIds: [e1],
        itemIds: [itemA],
        officerIds: [w.o1, w.o2],
        validFrom: today,
        validUntil: week,
        ...extra,
      },
    },
    { token: tok },
  );

let first: { id: string; code: string };
let jointId: string;

test('planning refuses items off the list, a lone officer and an invalid credential, each with its code', async () => {
  expect(code(await plan({ itemIds: [itemB] }))).toBe('ITEM_NOT_PUBLISHED');
  expect(code(await plan({ officerIds: [w.o1, w.o1] }))).toBe('TWO_OFFICERS_REQUIRED');
  const expired = await plan({ officerIds: [w.o1, w.o3] });
  expect(code(expired)).toBe('CREDENTIAL_INVALID');
  expect(expired.errors![0].message).toContain(w.o3);
  // o4's credential covers licensing, not inspections.
  expect(code(await plan({ officerIds: [w.o1, w.o4] }))).toBe('CREDENTIAL_INVALID');
  expect(code(await plan({ validUntil: addCalendarDays(today, 40) }))).toBe('BAD_USER_INPUT');
  expect(code(await plan({ kind: 'JOINT' }))).toBe('BAD_USER_INPUT');
  // The supervisor and the public do not plan inspections.
  expect(code(await plan({}, w.tokens.supervisor))).toBe('FORBIDDEN');
  expect(code(await p.gql(PLAN, { i: {} }))).toBeDefined();
});

test('plan → approve → the enterprise verifies the code without a token → start → finish → rating', async () => {
  const planned = ok(await plan()).planInspection;
  expect(planned.status).toBe('PLANNED');
  expect(planned.officers.map((o: { credentialNumber: string }) => o.credentialNumber).sort()).toEqual([
    'HB-NJ-0001',
    'HB-NJ-0002',
  ]);
  const [target] = planned.targets;
  expect(target.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(target.qrPayload).toBe(`http://localhost:4000/verify/inspection/${target.code}`);
  first = { id: planned.id, code: target.code };

  // Before approval the code says so, and the visit cannot start.
  expect(ok(await p.gql(VERIFY, { c: first.code })).verifyInspectionCode.state).toBe('NOT_APPROVED');
  const inspectionCase = ok(
    await p.gql(OPEN, { i: penaltyCase(w, 'JC-2026-001', { category: 'INSPECTION' }) }, { token: w.tokens.a }),
  ).openCase.id as string;
  expect(code(await p.gql(START, { id: first.id, c: inspectionCase }, { token: w.tokens.a }))).toBe('INSPECTION_STATE');

  // Only the head approves.
  expect(code(await p.gql(APPROVE, { id: first.id }, { token: w.tokens.a }))).toBe('FORBIDDEN');
  expect(code(await p.gql(APPROVE, { id: first.id }, { token: bHead }))).toBe('FORBIDDEN');
  expect(ok(await p.gql(APPROVE, { id: first.id }, { token: w.tokens.aHead })).approveInspection.status).toBe(
    'APPROVED',
  );
  expect(code(await p.gql(APPROVE, { id: first.id }, { token: w.tokens.aHead }))).toBe('INSPECTION_STATE');

  // 扫码入企: no token; the agency, officers' credential numbers, items and window; nothing private.
  const v = await p.gql(VERIFY, { c: first.code });
  expect(ok(v).verifyInspectionCode).toMatchObject({
    state: 'VALID',
    kind: 'ROUTINE',
    approved: true,
    validFrom: today,
    validUntil: week,
    rated: false,
    enterpriseName: '宁晋县示例建材有限公司',
    agency: { id: w.agencyA, name: '宁晋县城乡规划局' },
    items: [{ id: itemA, name: '建设工程规划许可执行情况检查' }],
  });
  expect(JSON.stringify(v)).not.toMatch(/双随机抽查|130528198001011234|13800000000/);
  expect(ok(await p.gql(VERIFY, { c: 'A'.repeat(22) })).verifyInspectionCode).toBeNull();
  expect(ok(await p.gql(VERIFY, { c: "x' or 1=1 --" })).verifyInspectionCode).toBeNull();

  // The records case must be an INSPECTION case of the agency; then the visit starts.
  const penalty = ok(await p.gql(OPEN, { i: penaltyCase(w, 'CF-2026-001') }, { token: w.tokens.a })).openCase.id;
  const wrong = await p.gql(START, { id: first.id, c: penalty }, { token: w.tokens.a });
  expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recordsCaseId' });
  const started = ok(await p.gql(START, { id: first.id, c: inspectionCase }, { token: w.tokens.a })).startInspection;
  expect(started).toMatchObject({
    status: 'IN_PROGRESS',
    recordsCase: { id: inspectionCase, caseNumber: 'JC-2026-001' },
  });
  // The visit's full-process record goes into that case's journal like any entry (the records rules apply).
  const onSite = {
    caseId: inspectionCase,
    stage: 'INVESTIGATION',
    activity: 'ON_SITE_INSPECTION',
    occurredAt: new Date().toISOString(),
    officerIds: [w.o1, w.o2],
    attachments: [video(), photo()],
    summary: '现场检查：出示执法证件和检查码，核查建设工程规划许可执行情况',
  };
  expect(ok(await p.gql(APPEND, { i: onSite }, { token: w.tokens.a })).appendRecord.hash).toMatch(/^[0-9a-f]{64}$/);

  // Not rated before it finishes; CASE_OPENED names the case opened from it.
  expect(code(await p.gql(RATE, { c: first.code, s: 5 }))).toBe('INSPECTION_STATE');
  const noCase = await p.gql(FINISH, { id: first.id, o: 'CASE_OPENED' }, { token: w.tokens.a });
  expect(noCase.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
  const finished = ok(
    await p.gql(FINISH, { id: first.id, o: 'CASE_OPENED', n: '发现未批先建', c: penalty }, { token: w.tokens.a }),
  ).finishInspection;
  expect(finished).toMatchObject({
    status: 'FINISHED',
    outcome: 'CASE_OPENED',
    outcomeCase: { caseNumber: 'CF-2026-001' },
  });

  // The enterprise rates once, without a token.
  expect(code(await p.gql(RATE, { c: first.code, s: 6 }))).toBe('BAD_USER_INPUT');
  expect(ok(await p.gql(RATE, { c: first.code, s: 2, m: '检查人员态度生硬' })).rateInspection.score).toBe(2);
  expect(code(await p.gql(RATE, { c: first.code, s: 5 }))).toBe('INSPECTION_STATE');
  expect(code(await p.gql(RATE, { c: 'B'.repeat(22), s: 5 }))).toBe('NOT_FOUND');
  const after = ok(await p.gql(VERIFY, { c: first.code })).verifyInspectionCode;
  expect(after).toMatchObject({ state: 'FINISHED', rated: true });
  publicRating = JSON.stringify(after);
  expect(publicRating).not.toContain('态度生硬');
});

test('a second visit over the caps is refused at approval, naming the earlier inspection; an urgent one is a finding', async () => {
  const second = ok(await plan()).planInspection.id as string;
  const refused = await p.gql(APPROVE, { id: second }, { token: w.tokens.aHead });
  expect(code(refused)).toBe('INSPECTION_CAP_EXCEEDED');
  expect(refused.errors![0].message).toContain(first.id);
  expect(refused.errors![0].extensions!.breaches).toEqual(
    expect.arrayContaining([expect.objectContaining({ cap: 'PER_DAY', limit: 1, earlierInspectionIds: [first.id] })]),
  );

  // An urgent visit starts on the spot, before approval and regardless of the caps: the bureau sees it.
  const urgent = ok(await plan({ urgent: true, kind: 'TARGETED', reason: '群众举报夜间违规施工' })).planInspection.id;
  const caseId = ok(
    await p.gql(OPEN, { i: penaltyCase(w, 'JC-2026-002', { category: 'INSPECTION' }) }, { token: w.tokens.a }),
  ).openCase.id;
  expect(ok(await p.gql(START, { id: urgent, c: caseId }, { token: w.tokens.a })).startInspection.status).toBe(
    'IN_PROGRESS',
  );

  const FINDINGS = `query($a: ID!) { agency(id: $a) { inspectionFindings { kind subjectId detail } } }`;
  const findings = ok(await p.gql(FINDINGS, { a: w.agencyA }, { token: w.tokens.supervisor })).agency
    .inspectionFindings as { kind: string; subjectId: string; detail: string }[];
  expect(findings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'INSPECTION_POORLY_RATED', subjectId: first.id }),
      expect.objectContaining({ kind: 'INSPECTION_OVER_CAP', subjectId: urgent }),
    ]),
  );
  expect(findings.find((f) => f.kind === 'INSPECTION_OVER_CAP')!.detail).toContain(first.id);
  // Another county's bureau sees nothing of it; the public is refused.
  const other = await p.gql(FINDINGS, { a: w.agencyA }, { token: w.tokens.otherSupervisor });
  expect(other.data?.agency?.inspectionFindings ?? []).toEqual([]);
  expect(code(await p.gql(FINDINGS, { a: w.agencyA }))).toBe('UNAUTHENTICATED');

  const SUMMARY = `query($r: String!, $f: Date!, $t: Date!) { supervisionSummary(region: $r, from: $f, to: $t) {
    agency { id } inspection { kind count } } }`;
  const summary = ok(
    await p.gql(SUMMARY, { r: '宁晋县', f: addCalendarDays(today, -1), t: today }, { token: w.tokens.supervisor }),
  ).supervisionSummary as { agency: { id: string }; inspection: { kind: string; count: number }[] }[];
  const a = summary.find((s) => s.agency.id === w.agencyA)!;
  expect(a.inspection).toEqual(expect.arrayContaining([{ kind: 'INSPECTION_OVER_CAP', count: 1 }]));
});

test('a joint inspection: partners read it, others do not; caps count it once', async () => {
  const joint = ok(
    await plan({ kind: 'JOINT', partnerAgencyIds: [w.agencyB], enterpriseIds: [e2], officerIds: [w.o1, w.b1] }),
  ).planInspection;
  jointId = joint.id;
  expect(joint.officers.map((o: { credentialNumber: string }) => o.credentialNumber).sort()).toEqual([
    'HB-NJ-0001',
    'HB-NJ-0102',
  ]);
  const READ = `query($id: ID!) { inspection(id: $id) { id partnerAgencies { id } targets { code } } }`;
  const byPartner = ok(await p.gql(READ, { id: joint.id }, { token: w.tokens.b })).inspection;
  expect(byPartner.partnerAgencies).toEqual([{ id: w.agencyB }]);
  expect(byPartner.targets[0].code).toBe(joint.targets[0].code);
  // The supervisor reads it but not the enterprise's code.
  expect(ok(await p.gql(READ, { id: joint.id }, { token: w.tokens.supervisor })).inspection.targets[0].code).toBeNull();
  expect(code(await p.gql(READ, { id: first.id }, { token: w.tokens.b }))).toBe('NOT_FOUND');
  ok(await p.gql(APPROVE, { id: joint.id }, { token: w.tokens.aHead }));

  // With two visits a day allowed, B's own routine visit the same day fits beside the joint one (counted once).
  ok(
    await p.gql(
      `mutation { setInspectionCaps(region: "宁晋县", caps: { perDay: 2, perWeek: 2, perMonth: 3, routinePerAgencyYear: 2 }) { perDay } }`,
      {},
      { token: w.tokens.supervisor },
    ),
  );
  const bVisit = ok(await plan({ enterpriseIds: [e2], itemIds: [itemB], officerIds: [w.b1, bOfficer2] }, w.tokens.b))
    .planInspection.id;
  expect(ok(await p.gql(APPROVE, { id: bVisit }, { token: bHead })).approveInspection.status).toBe('APPROVED');
  expect(
    code(
      await p.gql(
        `mutation { setInspectionCaps(region: "柏乡县", caps: { perDay: 1, perWeek: 2, perMonth: 3, routinePerAgencyYear: 2 }) { perDay } }`,
        {},
        { token: w.tokens.supervisor },
      ),
    ),
  ).toBe('FORBIDDEN');
});

test('the annual plan counts what was done; events reach an integrator of the agency only', async () => {
  ok(
    await p.gql(
      `mutation($a: ID!, $y: Int!, $l: [PlanLineInput!]!) { setInspectionPlan(agencyId: $a, year: $y, lines: $l) { year } }`,
      { a: w.agencyA, y: Number(today.slice(0, 4)), l: [{ itemId: itemA, planned: 4 }] },
      { token: w.tokens.aHead },
    ),
  );
  const progress = ok(
    await p.gql(
      `query($a: ID!, $y: Int!) { inspectionPlan(agencyId: $a, year: $y) { item { id } planned done percent } }`,
      {
        a: w.agencyA,
        y: Number(today.slice(0, 4)),
      },
    ),
  ).inspectionPlan;
  expect(progress).toEqual([{ item: { id: itemA }, planned: 4, done: 2, percent: 50 }]);

  const EVENTS = `query { inspectionEvents(first: 100) { edges { node { type inspection { id } } } pageInfo { endCursor } } }`;
  const types = ok(await p.gql(EVENTS, {}, { token: w.tokens.integrator })).inspectionEvents.edges.map(
    (e: { node: { type: string; inspection: { id: string } } }) => `${e.node.type}:${e.node.inspection?.id}`,
  );
  for (const t of [
    'InspectionPlanned',
    'InspectionApproved',
    'InspectionStarted',
    'InspectionFinished',
    'InspectionRated',
  ])
    expect(types).toContain(`${t}:${first.id}`);
  const bOnly = await token({ role: Role.INTEGRATOR, sub: 'client-b', agencyId: w.agencyB });
  const seenByB = ok(await p.gql(EVENTS, {}, { token: bOnly })).inspectionEvents.edges.map(
    (e: { node: { inspection: { id: string } | null } }) => e.node.inspection?.id,
  );
  expect(seenByB).not.toContain(first.id);
  // A joint inspection's events reach its partner's integrator too, also when it asks for its own agency only.
  expect(seenByB).toContain(jointId);
  const BY_AGENCY = `query($a: ID!) { inspectionEvents(first: 100, agencyId: $a) { edges { node { inspection { id } } } } }`;
  const partnerOnly = ok(await p.gql(BY_AGENCY, { a: w.agencyB }, { token: bOnly })).inspectionEvents.edges;
  expect(partnerOnly.map((e: { node: { inspection: { id: string } } }) => e.node.inspection.id)).toContain(jointId);
  expect(code(await p.gql(EVENTS, {}))).toBe('UNAUTHENTICATED');
});

test('two approvals at once for one enterprise: the caps let exactly one through', async () => {
  const e3 = ok(
    await p.gql(
      `mutation($i: EnterpriseInput!) { registerEnterprise(input: $i) { id } }`,
      { i: { creditCode: '91130528MA0CAFE01H', name: '宁晋县示例餐饮有限公司', region: '宁晋县' } },
      { token: w.tokens.a },
    ),
  ).registerEnterprise.id as string;
  const a = ok(await plan({ enterpriseIds: [e3] })).planInspection.id;
  const b = ok(await plan({ enterpriseIds: [e3] })).planInspection.id;
  // Two visits a day allowed: the third approval is over the cap only if it counts the other two.
  ok(
    await p.gql(
      `mutation { setInspectionCaps(region: "宁晋县", caps: { perDay: 2, perWeek: 5, perMonth: 9, routinePerAgencyYear: 9 }) { perDay } }`,
      {},
      { token: w.tokens.supervisor },
    ),
  );
  const c = ok(await plan({ enterpriseIds: [e3] })).planInspection.id;
  const results = await Promise.all([a, b, c].map((id) => p.gql(APPROVE, { id }, { token: w.tokens.aHead })));
  expect(results.map(code).sort()).toEqual([undefined, undefined, 'INSPECTION_CAP_EXCEEDED'].sort());
});
