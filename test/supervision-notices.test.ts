import { type SeededPersonnel, seedPersonnel } from '@tsp/scripts/seed/personnel';
import { addCalendarDays, Role, shanghaiDate } from '@tsp/shared';

import { type Platform, startPlatform, token } from './kit/platform';

let p: Platform;
let seed: SeededPersonnel;
let supervisor: string, marketHead: string, planningHead: string, otherRegion: string;

beforeAll(async () => {
  p = await startPlatform();
  const admin = await token({ role: Role.ADMIN, sub: 'admin' });
  seed = await seedPersonnel(async (q, v) => {
    const r = await p.gql(q, v as Record<string, unknown>, { token: admin });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  });
  supervisor = await token({ role: Role.SUPERVISOR, sub: 'sfj-1', region: '宁晋县' });
  otherRegion = await token({ role: Role.SUPERVISOR, sub: 'x-1', region: '柏乡县' });
  marketHead = await token({ role: Role.AGENCY_HEAD, sub: 'sjj-head', agencyId: seed.agencies.marketRegulation.id });
  planningHead = await token({ role: Role.AGENCY_HEAD, sub: 'ghj-head', agencyId: seed.agencies.planning.id });
});
afterAll(() => p?.stop());

const ISSUE = `mutation($i: IssueNoticeInput!) { issueRectificationNotice(input: $i) { id state dueOn agency { name } issuedBy } }`;
const RESPOND = `mutation($id: ID!, $r: String!) { respondToRectificationNotice(id: $id, response: $r) { state response respondedBy respondedAt } }`;

test('the supervisor issues a notice against a finding and the agency answers it; both are timed and visible', async () => {
  const market = seed.agencies.marketRegulation.id;
  const findings = await p.gql(
    `query($id: ID!) { agency(id: $id) { personnelFindings { kind subjectId } } }`,
    { id: market },
    { token: supervisor },
  );
  const staffing = findings.data.agency.personnelFindings.find(
    (f: { kind: string }) => f.kind === 'REVIEWER_STAFFING_BELOW_MINIMUM',
  );
  expect(staffing).toBeDefined();

  const dueOn = addCalendarDays(shanghaiDate(), 15);
  const issued = await p.gql(
    ISSUE,
    {
      i: {
        agencyId: market,
        findingKind: staffing.kind,
        subjectId: staffing.subjectId,
        notice: '请于15日内按5%比例配齐法制审核人员',
        dueOn,
      },
    },
    { token: supervisor },
  );
  expect(issued.errors).toBeUndefined();
  expect(issued.data.issueRectificationNotice).toMatchObject({
    state: 'OPEN',
    dueOn,
    agency: { name: '宁晋县市场监督管理局' },
    issuedBy: 'sfj-1',
  });
  const id = issued.data.issueRectificationNotice.id;

  // Another agency's head cannot answer it; a supervisor cannot answer for the agency.
  expect((await p.gql(RESPOND, { id, r: 'x' }, { token: planningHead })).errors?.[0].extensions?.code).toBe(
    'FORBIDDEN',
  );
  expect((await p.gql(RESPOND, { id, r: 'x' }, { token: supervisor })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

  const answered = await p.gql(RESPOND, { id, r: '已新增2名法制审核人员' }, { token: marketHead });
  expect(answered.data.respondToRectificationNotice).toMatchObject({
    state: 'ANSWERED',
    response: '已新增2名法制审核人员',
    respondedBy: 'sjj-head',
  });
  expect((await p.gql(RESPOND, { id, r: 'again' }, { token: marketHead })).errors?.[0].extensions?.code).toBe(
    'BAD_USER_INPUT',
  );

  const seenByAgency = await p.gql(
    `query($id: ID!) { agency(id: $id) { rectificationNotices { id state } } }`,
    { id: market },
    { token: marketHead },
  );
  expect(seenByAgency.data.agency.rectificationNotices).toEqual([{ id, state: 'ANSWERED' }]);
  const planningList = await p.gql(`{ rectificationNotices { id } }`, {}, { token: planningHead });
  expect(planningList.data.rectificationNotices).toEqual([]);
});

test('the notice list shows each caller only the notices in its read scope', async () => {
  const planning = seed.agencies.planning.id;
  const market = seed.agencies.marketRegulation.id;
  const dueOn = addCalendarDays(shanghaiDate(), 10);
  const i = {
    agencyId: planning,
    findingKind: 'NO_TRAINING_LAST_YEAR',
    subjectId: 'scope-check',
    notice: '请补充培训记录',
    dueOn,
  };
  const issued = await p.gql(ISSUE, { i }, { token: supervisor });
  expect(issued.errors).toBeUndefined();
  const id = issued.data.issueRectificationNotice.id;
  const marketOfficer = await token({ role: Role.OFFICER, sub: 'sjj-officer', agencyId: market });
  const LIST = `query($a: ID) { rectificationNotices(agencyId: $a) { id } }`;
  const ids = async (tok: string, a?: string) => {
    const r = await p.gql(LIST, { a: a ?? null }, { token: tok });
    expect(r.errors).toBeUndefined();
    return r.data.rectificationNotices.map((n: { id: string }) => n.id);
  };

  // The notice's own agency and the region's supervisor see it, with or without the agency filter.
  expect(await ids(planningHead)).toContain(id);
  expect(await ids(planningHead, planning)).toContain(id);
  expect(await ids(supervisor, planning)).toContain(id);
  // Another region's supervisor and another agency's officer see none of the region's notices, even when
  // they name the agency.
  expect(await ids(otherRegion)).toEqual([]);
  expect(await ids(otherRegion, planning)).toEqual([]);
  expect(await ids(marketOfficer)).not.toContain(id);
  expect(await ids(marketOfficer, planning)).toEqual([]);
  // The public and integrators are refused rather than shown an empty list.
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-1', agencyId: planning, region: '宁晋县' });
  expect((await p.gql(LIST, {}, { token: integrator })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await p.gql(LIST, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('only the supervisor of the region issues notices', async () => {
  const i = {
    agencyId: seed.agencies.planning.id,
    findingKind: 'CASE_OVERDUE',
    subjectId: 'x',
    notice: 'n',
    dueOn: addCalendarDays(shanghaiDate(), 5),
  };
  expect((await p.gql(ISSUE, { i }, { token: otherRegion })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await p.gql(ISSUE, { i }, { token: planningHead })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await p.gql(ISSUE, { i })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(
    (await p.gql(ISSUE, { i: { ...i, dueOn: '2020-01-01' } }, { token: supervisor })).errors?.[0].extensions?.code,
  ).toBe('BAD_USER_INPUT');
});

test('supervisionSummary counts the personnel findings of every agency of the region', async () => {
  const today = shanghaiDate();
  const r = await p.gql(
    `query($f: Date!, $t: Date!) { supervisionSummary(region: "宁晋县", from: $f, to: $t) { agency { name } personnel { kind count } } }`,
    { f: addCalendarDays(today, -1), t: today },
    { token: supervisor },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.supervisionSummary).toHaveLength(5);
  const market = r.data.supervisionSummary.find(
    (s: { agency: { name: string } }) => s.agency.name === '宁晋县市场监督管理局',
  );
  expect(market.personnel).toContainEqual({ kind: 'REVIEWER_STAFFING_BELOW_MINIMUM', count: 1 });
  expect(
    (
      await p.gql(
        `{ supervisionSummary(region: "宁晋县", from: "2026-01-01", to: "2026-02-01") { agencyId } }`,
        {},
        { token: otherRegion },
      )
    ).errors?.[0].extensions?.code,
  ).toBe('FORBIDDEN');
  expect(
    (
      await p.gql(
        `{ supervisionSummary(region: "宁晋县", from: "2026-03-01", to: "2026-02-01") { agencyId } }`,
        {},
        { token: supervisor },
      )
    ).errors?.[0].extensions?.code,
  ).toBe('BAD_USER_INPUT');
});
