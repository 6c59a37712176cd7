import {
  InstrumentEventPayloadSchema,
  INTERNAL_SECRET_HEADER,
  internalSecret,
  NoticeEventPayloadSchema,
  Role,
  SERVICE_TOKEN_HEADER,
  shanghaiDate,
  signServiceToken,
  WorkingCalendar,
} from '@tsp/shared';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { type RecordsWorld, setupWorld } from './kit/records-fixtures';
import { pollUntil } from './kit/until';

/**
 * 监督意见书、监督决定书、约谈、通报 through the real gateway: the bureau issues, the agency's head responds, the
 * bureau sends back or closes; overdue responses are findings; interview records stay between the bureau and the
 * agency's head; notices are public without a token, as disclosure publishes them (masked), until withdrawn.
 */
let p: Platform;
let w: RecordsWorld;
let aHead: string;
let bHead: string;
let admin: string;

const FIELDS = `id kind status subject dueOn overdue responseWorkingDays response measures returnCount returnNote
  closeNote caseIds findingRefs { kind subjectId } agency { id name } history { action text measures dueOn }`;
const ISSUE = `mutation($i: IssueSupervisionInstrumentInput!) { issueSupervisionInstrument(input: $i) { ${FIELDS} } }`;
const RESPOND = `mutation($id: ID!, $r: String!, $m: String!) {
  respondToSupervisionInstrument(id: $id, response: $r, measures: $m) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!, $a: Boolean!, $n: String!) {
  closeSupervisionInstrument(id: $id, accepted: $a, note: $n) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { supervisionInstrument(id: $id) { id status } }`;
const LIST = `query($f: SupervisionInstrumentFilterInput, $n: Int) { supervisionInstruments(filter: $f, first: $n) {
  edges { node { id status agency { id } } } pageInfo { hasNextPage } } }`;
const FINDINGS = `{ agencies(region: "宁晋县") { id supervisionFindings { kind subjectId detail since } } }`;
const INTERVIEW = `mutation($i: RecordSupervisionInterviewInput!) { recordSupervisionInterview(input: $i) {
  id heldAt interviewees reasons record followUp attachments agency { id } } }`;
const AGENCY_READS = `{ agencies(region: "宁晋县") { id supervisionInstruments { id } supervisionInterviews { id } } }`;
const PUBLISH = `mutation($i: PublishSupervisionNoticeInput!) { publishSupervisionNotice(input: $i) {
  id kind title body region agencies { id name } withdrawnAt } }`;
const WITHDRAW = `mutation($id: ID!, $r: String!) { withdrawSupervisionNotice(id: $id, reason: $r) {
  id withdrawnAt withdrawalReason } }`;
const NOTICES = `query($r: String!, $w: Boolean) { supervisionNotices(region: $r, includeWithdrawn: $w) {
  edges { node { id title kind agencies { name } withdrawnAt } } } }`;
const NOTICE = `query($id: ID!) { supervisionNotice(id: $id) { id title body withdrawalReason } }`;
const RECORD = `query($id: ID!) { supervisionNoticeRecord(id: $id) { id title body withdrawalReason } }`;
const RECORDS = `query($r: String!, $w: Boolean) { supervisionNoticeRecords(region: $r, includeWithdrawn: $w) {
  edges { node { id body withdrawnAt } } } }`;
const NOTICE_TEXT = `query($id: ID!) { supervisionNoticeText(id: $id) { id body agencyIds withdrawnAt } }`;

const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};
const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const sup = () => ({ token: w.tokens.supervisor });

const instrument = (over: Record<string, unknown> = {}) => ({
  kind: 'DECISION',
  agencyId: w.agencyA,
  subject: '纠正违法实施的行政处罚',
  findings: '宁规罚〔2026〕12号案件未告知陈述申辩权利即作出处罚决定。',
  requirements: '撤销该处罚决定，重新调查处理，并报告整改情况。',
  legalBasis: '《行政执法监督条例》、《中华人民共和国行政处罚法》第四十四条、第六十二条',
  ...over,
});

async function issue(over: Record<string, unknown> = {}) {
  return ok(await p.gql(ISSUE, { i: instrument(over) }, sup())).issueSupervisionInstrument;
}

beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
  aHead = await token({ role: Role.AGENCY_HEAD, sub: 'head-a', agencyId: w.agencyA });
  bHead = await token({ role: Role.AGENCY_HEAD, sub: 'head-b', agencyId: w.agencyB });
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
}, 180_000);
afterAll(async () => {
  await p?.stop();
});

test('issue → respond → not accepted → respond → accepted; the due day on the working-day calendar', async () => {
  const cal = new WorkingCalendar();
  const today = shanghaiDate();
  const ref = { kind: 'DECISION_WITHOUT_NOTICE', subjectId: 'entry-1' };
  const caseId = '11111111-1111-4111-8111-111111111111';
  const i = await issue({ caseIds: [caseId], findingRefs: [ref] });
  expect(i).toMatchObject({
    kind: 'DECISION',
    status: 'ISSUED',
    responseWorkingDays: 10,
    dueOn: cal.addWorkingDays(today, 10),
    overdue: false,
    agency: { id: w.agencyA, name: '宁晋县城乡规划局' },
    findingRefs: [ref],
    caseIds: [caseId],
  });
  const opinion = await issue({ kind: 'OPINION' });
  expect([opinion.responseWorkingDays, opinion.dueOn]).toEqual([15, cal.addWorkingDays(today, 15)]);
  const custom = await issue({ kind: 'OPINION', responseWorkingDays: 30 });
  expect(custom.dueOn).toBe(cal.addWorkingDays(today, 30));

  // The agency's officer reads it but only the head responds; the bureau does not respond for the agency.
  expect(ok(await p.gql(ONE, { id: i.id }, { token: w.tokens.a })).supervisionInstrument.status).toBe('ISSUED');
  expect(codeOf(await p.gql(RESPOND, { id: i.id, r: '已整改', m: '撤销' }, { token: w.tokens.a }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(RESPOND, { id: i.id, r: '代答', m: '无' }, sup()))).toBe('FORBIDDEN');
  // Nor does the bureau close before the agency responded.
  expect(codeOf(await p.gql(CLOSE, { id: i.id, a: true, n: '办结' }, sup()))).toBe('CONFLICT');

  const r1 = ok(
    await p.gql(RESPOND, { id: i.id, r: '已研究', m: '拟重新调查' }, { token: aHead }),
  ).respondToSupervisionInstrument;
  expect(r1).toMatchObject({ status: 'RESPONDED', response: '已研究', measures: '拟重新调查' });
  expect(codeOf(await p.gql(RESPOND, { id: i.id, r: '再答', m: '再答' }, { token: aHead }))).toBe('CONFLICT');
  // The agency head cannot close its own instrument.
  expect(codeOf(await p.gql(CLOSE, { id: i.id, a: true, n: '自行办结' }, { token: aHead }))).toBe('FORBIDDEN');

  const back = ok(
    await p.gql(CLOSE, { id: i.id, a: false, n: '未撤销原决定，请落实' }, sup()),
  ).closeSupervisionInstrument;
  expect(back).toMatchObject({
    status: 'ISSUED',
    returnCount: 1,
    returnNote: '未撤销原决定，请落实',
    dueOn: cal.addWorkingDays(today, 10),
  });

  ok(await p.gql(RESPOND, { id: i.id, r: '已撤销原决定', m: '撤销并重新立案调查' }, { token: aHead }));
  const closed = ok(await p.gql(CLOSE, { id: i.id, a: true, n: '整改到位' }, sup())).closeSupervisionInstrument;
  expect(closed).toMatchObject({ status: 'CLOSED', closeNote: '整改到位', response: '已撤销原决定', returnCount: 1 });
  expect(closed.history.map((s: { action: string }) => s.action)).toEqual([
    'ISSUE',
    'RESPOND',
    'RETURN',
    'RESPOND',
    'ACCEPT',
  ]);
  // The first response stays in the history.
  expect(closed.history[1]).toMatchObject({ text: '已研究', measures: '拟重新调查' });
  expect(closed.history[2].dueOn).toBe(cal.addWorkingDays(today, 10));

  // Each step published its event in supervision's outbox, for agency A, carrying no text of the instrument.
  const events = await sql<{ type: string; agency_id: string; payload: Record<string, unknown> }>(
    p.databaseUrl,
    `select type, agency_id, payload from supervision.outbox where subject_id = $1 order by position`,
    [i.id],
  );
  expect(events.map((e) => e.type)).toEqual([
    'SupervisionInstrumentIssued',
    'SupervisionInstrumentResponded',
    'SupervisionInstrumentResponded',
    'SupervisionInstrumentClosed',
  ]);
  expect(new Set(events.map((e) => e.agency_id))).toEqual(new Set([w.agencyA]));
  expect(InstrumentEventPayloadSchema.parse(events[3].payload)).toMatchObject({
    instrumentId: i.id,
    kind: 'DECISION',
    status: 'CLOSED',
    returnCount: 1,
    caseIds: [caseId],
  });
  expect(JSON.stringify(events)).not.toMatch(/未告知|撤销|整改|已研究|行政处罚法/);
  expect(codeOf(await p.gql(CLOSE, { id: i.id, a: false, n: '再退回' }, sup()))).toBe('CONFLICT');
});

test('no response after the due day is SUPERVISION_RESPONSE_OVERDUE from the next day, summary too', async () => {
  const i = await issue({ kind: 'OPINION', subject: '逾期未回复的监督意见' });
  const due = new WorkingCalendar().addWorkingDays('2026-09-30', 15);
  expect(due).toBe('2026-10-27');
  // Backdated, as if issued on 30 September: the due day is what issueSupervisionInstrument stores then.
  await sql(
    p.databaseUrl,
    `update supervision.supervision_instrument set issued_at = '2026-09-30T10:00:00+08:00', due_on = $2 where id = $1`,
    [i.id, due],
  );
  const mine = async (tok: string) =>
    ok(await p.gql(FINDINGS, {}, { token: tok }))
      .agencies.find((x: { id: string }) => x.id === w.agencyA)
      .supervisionFindings.filter((f: { subjectId: string }) => f.subjectId === i.id);
  const found = await mine(w.tokens.supervisor);
  expect(found).toEqual([
    expect.objectContaining({ kind: 'SUPERVISION_RESPONSE_OVERDUE', since: '2026-10-27T16:00:00.000Z' }),
  ]);
  expect(found[0].detail).toContain('2026-10-27');
  expect(await mine(w.tokens.otherSupervisor)).toEqual([]);
  const summary = ok(
    await p.gql(
      `{ supervisionSummary(region: "宁晋县", from: "2026-01-01", to: "2027-12-31") {
        agency { id } supervision { kind count } } }`,
      {},
      sup(),
    ),
  ).supervisionSummary;
  expect(summary.find((s: { agency: { id: string } }) => s.agency.id === w.agencyA).supervision).toContainEqual(
    expect.objectContaining({ kind: 'SUPERVISION_RESPONSE_OVERDUE' }),
  );
  const overdue = ok(await p.gql(LIST, { f: { overdue: true } }, sup())).supervisionInstruments.edges;
  expect(overdue.map((e: { node: { id: string } }) => e.node.id)).toContain(i.id);
  // Responding ends the finding.
  ok(await p.gql(RESPOND, { id: i.id, r: '迟到的回复', m: '已整改' }, { token: aHead }));
  expect(await mine(w.tokens.supervisor)).toEqual([]);
});

test('another region’s bureau and another agency see nothing and change nothing', async () => {
  const i = await issue();
  const other = { token: w.tokens.otherSupervisor };
  expect(codeOf(await p.gql(ISSUE, { i: instrument() }, other))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(ONE, { id: i.id }, other))).toBe('NOT_FOUND');
  expect(ok(await p.gql(LIST, {}, other)).supervisionInstruments.edges).toEqual([]);
  expect(codeOf(await p.gql(CLOSE, { id: i.id, a: true, n: 'x' }, other))).toBe('NOT_FOUND');
  expect(codeOf(await p.gql(ONE, { id: i.id }, { token: bHead }))).toBe('NOT_FOUND');
  expect(codeOf(await p.gql(RESPOND, { id: i.id, r: '越权', m: '越权' }, { token: bHead }))).toBe('NOT_FOUND');
  const bList = ok(await p.gql(LIST, { n: 200 }, { token: bHead })).supervisionInstruments.edges;
  expect(bList.map((e: { node: { id: string } }) => e.node.id)).not.toContain(i.id);
  expect(codeOf(await p.gql(LIST, {}, { token: w.tokens.integrator }))).toBe('FORBIDDEN');
  // Agency staff (officers too) list their own agency's; Agency.supervisionInstruments the same, empty elsewhere.
  const aList = ok(await p.gql(LIST, { n: 200 }, { token: w.tokens.a })).supervisionInstruments.edges;
  expect(aList.map((e: { node: { id: string } }) => e.node.id)).toContain(i.id);
  expect(aList.every((e: { node: { agency: { id: string } } }) => e.node.agency.id === w.agencyA)).toBe(true);
  const reads = ok(await p.gql(AGENCY_READS, {}, { token: bHead })).agencies;
  expect(reads.find((a: { id: string }) => a.id === w.agencyA).supervisionInstruments).toEqual([]);
  const byBureau = ok(await p.gql(AGENCY_READS, {}, sup())).agencies;
  expect(byBureau.find((a: { id: string }) => a.id === w.agencyA).supervisionInstruments).toContainEqual({ id: i.id });
});

test('interviews: recorded by the bureau, read by the bureau and the agency’s head only', async () => {
  const input = {
    agencyId: w.agencyA,
    heldAt: '2026-11-20T02:00:00.000Z',
    interviewees: '张三（局长）、李四（分管副局长）',
    reasons: '年度内两次被监督决定书责令纠正，行政处罚案件程序违法问题反复出现',
    record: '约谈人指出问题，被约谈人表示接受并作出整改承诺。',
    followUp: '三十日内报送整改方案',
    attachments: ['约谈笔录.pdf'],
  };
  expect(codeOf(await p.gql(INTERVIEW, { i: input }, { token: aHead }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(INTERVIEW, { i: input }, { token: w.tokens.otherSupervisor }))).toBe('FORBIDDEN');
  const rec = ok(await p.gql(INTERVIEW, { i: input }, sup())).recordSupervisionInterview;
  const { agencyId, ...fields } = input;
  expect(rec).toMatchObject({ ...fields, agency: { id: agencyId } });
  const one = `query($id: ID!) { supervisionInterview(id: $id) { id record } }`;
  expect(ok(await p.gql(one, { id: rec.id }, { token: aHead })).supervisionInterview.record).toBe(input.record);
  for (const tok of [w.tokens.a, bHead, w.tokens.otherSupervisor])
    expect(codeOf(await p.gql(one, { id: rec.id }, { token: tok }))).toBe('NOT_FOUND');
  const interviewsOf = async (tok: string) =>
    ok(await p.gql(AGENCY_READS, {}, { token: tok })).agencies.find((a: { id: string }) => a.id === w.agencyA)
      .supervisionInterviews;
  expect(await interviewsOf(aHead)).toContainEqual({ id: rec.id });
  expect(await interviewsOf(w.tokens.supervisor)).toContainEqual({ id: rec.id });
  expect(await interviewsOf(admin)).toContainEqual({ id: rec.id });
  expect(await interviewsOf(w.tokens.a)).toEqual([]);
  expect(await interviewsOf(bHead)).toEqual([]);
  // Integrators of the agency learn that it was held, not who was interviewed or what was said.
  const events = ok(
    await p.gql(
      `{ supervisionEvents(first: 200) { edges { node { type subjectId payloadJson } } } }`,
      {},
      { token: w.tokens.integrator },
    ),
  ).supervisionEvents.edges.map((e: { node: { type: string; subjectId: string; payloadJson: string } }) => e.node);
  const held = events.filter((e: { subjectId: string }) => e.subjectId === rec.id);
  expect(held.map((e: { type: string }) => e.type)).toEqual(['SupervisionInterviewRecorded']);
  expect(JSON.parse(held[0].payloadJson)).toEqual({
    interviewId: rec.id,
    agencyId: w.agencyA,
    heldAt: input.heldAt,
    recordedAt: expect.any(String),
    attachmentCount: 1,
  });
  // An interview in the future is not yet held.
  const future = { ...input, heldAt: new Date(Date.now() + 86_400_000).toISOString() };
  const r = await p.gql(INTERVIEW, { i: future }, sup());
  expect([codeOf(r), r.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'heldAt']);
});

test('the public reads notices as disclosure publishes them, not instruments or interviews; withdrawn ones leave', async () => {
  // An ID number and a phone typed into the notice: the bureau keeps them, the public copy never shows them.
  const ID_NUMBER = '130528198001011234';
  const PHONE = '13912345678';
  const written = {
    title: `关于宁晋县城乡规划局行政处罚程序违法问题的通报（举报电话${PHONE}）`,
    body: `经监督检查发现，该局对当事人（身份证号${ID_NUMBER}，电话${PHONE}）未告知陈述申辩权利……现予通报批评。`,
    agencyIds: [w.agencyA],
    kind: 'CRITICISM',
  };
  const n = ok(await p.gql(PUBLISH, { i: written }, sup())).publishSupervisionNotice;
  expect(n).toMatchObject({
    kind: 'CRITICISM',
    region: '宁晋县',
    title: written.title,
    body: written.body,
    agencies: [{ id: w.agencyA, name: '宁晋县城乡规划局' }],
  });
  const publicAnswers: unknown[] = [];
  const publicList = async () => {
    const r = ok(await p.gql(NOTICES, { r: '宁晋县' }));
    publicAnswers.push(r);
    return r.supervisionNotices.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
  };
  // Disclosure copies it from supervision's event: wait until it is on the public list.
  expect(await pollUntil(publicList, (ids) => ids.includes(n.id))).toContain(n.id);
  const shown = ok(await p.gql(NOTICE, { id: n.id })).supervisionNotice;
  publicAnswers.push(shown);
  expect(shown.title).toMatch(/^关于宁晋县城乡规划局行政处罚程序违法问题的通报/);
  expect(shown.body).toMatch(/^经监督检查发现.*\*\*\*.*现予通报批评。$/);
  // The same masked copy for the bureau on the public query; its own register keeps what it wrote.
  expect(ok(await p.gql(NOTICE, { id: n.id }, sup())).supervisionNotice.body).toBe(shown.body);
  expect(ok(await p.gql(RECORD, { id: n.id }, sup())).supervisionNoticeRecord).toMatchObject({
    title: written.title,
    body: written.body,
  });
  const registered = ok(await p.gql(RECORDS, { r: '宁晋县' }, sup())).supervisionNoticeRecords.edges;
  expect(registered).toContainEqual({ node: { id: n.id, body: written.body, withdrawnAt: null } });
  // The register is the bureau's: the public must log in, the agency and another region get nothing.
  expect(codeOf(await p.gql(RECORD, { id: n.id }))).toBe('UNAUTHENTICATED');
  expect(codeOf(await p.gql(RECORDS, { r: '宁晋县' }))).toBe('UNAUTHENTICATED');
  expect(ok(await p.gql(RECORD, { id: n.id }, { token: aHead })).supervisionNoticeRecord).toBeNull();
  expect(ok(await p.gql(RECORD, { id: n.id }, { token: w.tokens.otherSupervisor })).supervisionNoticeRecord).toBeNull();
  expect(codeOf(await p.gql(RECORDS, { r: '宁晋县' }, { token: aHead }))).toBe('FORBIDDEN');
  // Another region's list does not show it; the agency and another region's bureau cannot publish or withdraw.
  expect(ok(await p.gql(NOTICES, { r: '柏乡县' })).supervisionNotices.edges).toEqual([]);
  const again = { i: { title: '通报', body: '正文', agencyIds: [w.agencyA], kind: 'COMMENDATION' } };
  expect(codeOf(await p.gql(PUBLISH, again, { token: aHead }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(PUBLISH, again, { token: w.tokens.otherSupervisor }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(WITHDRAW, { id: n.id, r: '越权' }, { token: w.tokens.otherSupervisor }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(PUBLISH, again))).toBe('UNAUTHENTICATED');

  // The text disclosure asks for is internal: not in the gateway's schema, and a user token is refused directly.
  expect((await p.gql(NOTICE_TEXT, { id: n.id }, { token: admin })).errors?.[0].message).toMatch(
    /Cannot query field "supervisionNoticeText"/,
  );
  const direct = { url: p.subgraphs.supervision.url, headers: { [INTERNAL_SECRET_HEADER]: internalSecret() } };
  expect(codeOf(await p.gql(NOTICE_TEXT, { id: n.id }, { ...direct, token: admin }))).toBe('FORBIDDEN');
  const svc = {
    ...direct,
    headers: { ...direct.headers, [SERVICE_TOKEN_HEADER]: await signServiceToken('disclosure') },
  };
  expect(ok(await p.gql(NOTICE_TEXT, { id: n.id }, svc)).supervisionNoticeText).toEqual({
    id: n.id,
    body: written.body,
    agencyIds: [w.agencyA],
    withdrawnAt: null,
  });

  // Without a token: no instruments, no interviews.
  const i = await issue();
  expect(codeOf(await p.gql(ONE, { id: i.id }))).toBe('UNAUTHENTICATED');
  expect(codeOf(await p.gql(LIST, {}))).toBe('UNAUTHENTICATED');
  const anon = await p.gql(AGENCY_READS, {});
  expect(JSON.stringify(anon.data ?? {})).not.toContain(i.id);
  expect(anon.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');

  // Withdrawn: off the public list and null by id for the public; the bureau keeps it with the reason.
  const reason = `所涉处罚决定经复议维持，通报有误（当事人电话${PHONE}）`;
  const wd = ok(await p.gql(WITHDRAW, { id: n.id, r: reason }, sup())).withdrawSupervisionNotice;
  expect(wd.withdrawalReason).toBe(reason);
  expect(await pollUntil(publicList, (ids) => !ids.includes(n.id))).not.toContain(n.id);
  const anonById = ok(await p.gql(NOTICE, { id: n.id }));
  publicAnswers.push(anonById);
  expect(anonById.supervisionNotice).toBeNull();
  for (const tok of [aHead, w.tokens.otherSupervisor])
    expect(ok(await p.gql(NOTICE, { id: n.id }, { token: tok })).supervisionNotice).toBeNull();
  // The bureau's history on the public query shows the reason as it was published; its register, as written.
  const history = ok(await p.gql(NOTICE, { id: n.id }, sup())).supervisionNotice;
  expect(history.withdrawalReason).toMatch(/^所涉处罚决定经复议维持，通报有误（当事人电话\*\*\*）$/);
  expect(ok(await p.gql(RECORD, { id: n.id }, sup())).supervisionNoticeRecord.withdrawalReason).toBe(reason);
  const historyList = ok(await p.gql(NOTICES, { r: '宁晋县', w: true }, sup())).supervisionNotices.edges;
  expect(historyList.map((e: { node: { id: string } }) => e.node.id)).toContain(n.id);
  expect(codeOf(await p.gql(NOTICES, { r: '宁晋县', w: true }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(NOTICES, { r: '宁晋县', w: true }, { token: aHead }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(NOTICES, { r: '宁晋县', w: true }, { token: w.tokens.otherSupervisor }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(WITHDRAW, { id: n.id, r: '再撤回' }, sup()))).toBe('CONFLICT');
  // No public answer ever carried the ID or phone number.
  expect(publicAnswers.length).toBeGreaterThan(3);
  expect(JSON.stringify(publicAnswers)).not.toMatch(new RegExp(`${ID_NUMBER}|${PHONE}`));
  // One copy in disclosure, withdrawn, though each event came once per agency named.
  const copies = await sql<{ withdrawn_at: Date | null; body: string }>(
    p.databaseUrl,
    `select withdrawn_at, body from disclosure.supervision_notice where id = $1`,
    [n.id],
  );
  expect(copies).toHaveLength(1);
  expect(copies[0].withdrawn_at).not.toBeNull();
  expect(copies[0].body).toBe(shown.body);
  // Published and withdrawn once each in the outbox (no second withdrawal); the title masked, no body or reason.
  const events = await sql<{ type: string; agency_id: string; payload: Record<string, unknown> }>(
    p.databaseUrl,
    `select type, agency_id, payload from supervision.outbox where subject_id = $1 order by position`,
    [n.id],
  );
  expect(events.map((e) => [e.type, e.agency_id])).toEqual([
    ['SupervisionNoticePublished', w.agencyA],
    ['SupervisionNoticeWithdrawn', w.agencyA],
  ]);
  expect(NoticeEventPayloadSchema.parse(events[1].payload)).toMatchObject({ noticeId: n.id, title: shown.title });
  expect(JSON.stringify(events)).not.toMatch(new RegExp(`经监督检查|复议维持|${ID_NUMBER}|${PHONE}`));
});

test('a notice naming two agencies is published once and withdrawn once in disclosure', async () => {
  const i = {
    title: '关于表扬宁晋县两家执法机关的通报',
    body: '案卷评查优秀，予以通报表扬。',
    agencyIds: [w.agencyA, w.agencyB],
  };
  const n = ok(await p.gql(PUBLISH, { i: { ...i, kind: 'COMMENDATION' } }, sup())).publishSupervisionNotice;
  const listed = async () =>
    ok(await p.gql(NOTICES, { r: '宁晋县' })).supervisionNotices.edges.filter(
      (e: { node: { id: string } }) => e.node.id === n.id,
    );
  const once = await pollUntil(listed, (l) => l.length > 0);
  expect(once).toHaveLength(1);
  expect(once[0].node.agencies.map((a: { name: string }) => a.name).sort()).toEqual(
    [...n.agencies.map((a: { name: string }) => a.name)].sort(),
  );
  ok(await p.gql(WITHDRAW, { id: n.id, r: '重复通报' }, sup()));
  expect(await pollUntil(listed, (l) => l.length === 0)).toEqual([]);
  const outbox = await sql<{ n: string }>(
    p.databaseUrl,
    `select count(*) n from supervision.outbox where subject_id = $1`,
    [n.id],
  );
  expect(Number(outbox[0].n)).toBe(4);
  const copies = await sql<{ n: string }>(
    p.databaseUrl,
    `select count(*) n from disclosure.supervision_notice where id = $1 and withdrawn_at is not null`,
    [n.id],
  );
  expect(Number(copies[0].n)).toBe(1);
});

test('oversized or bad input is BAD_USER_INPUT naming the field, and nothing is written', async () => {
  const count = async () =>
    Number(
      (
        await sql<{ n: string }>(
          p.databaseUrl,
          `select (select count(*) from supervision.supervision_instrument)
                + (select count(*) from supervision.supervision_instrument_step)
                + (select count(*) from supervision.supervision_interview)
                + (select count(*) from supervision.supervision_notice) as n`,
        )
      )[0].n,
    );
  const before = await count();
  const cases: [Record<string, unknown>, string][] = [
    [{ findings: '长'.repeat(10_001) }, 'findings'],
    [{ subject: '题'.repeat(201) }, 'subject'],
    [{ requirements: '  ' }, 'requirements'],
    [{ legalBasis: '依'.repeat(1001) }, 'legalBasis'],
    [{ responseWorkingDays: 4 }, 'responseWorkingDays'],
    [{ responseWorkingDays: 31 }, 'responseWorkingDays'],
    [{ caseIds: ['not-an-id'] }, 'caseIds.0'],
    [{ agencyId: '00000000-0000-4000-8000-000000000000' }, 'agencyId'],
  ];
  for (const [over, field] of cases) {
    const r = await p.gql(ISSUE, { i: instrument(over) }, sup());
    expect([field, codeOf(r), r.errors?.[0]?.extensions?.field]).toEqual([field, 'BAD_USER_INPUT', field]);
  }
  const i = await issue();
  const afterIssue = await count();
  const r = await p.gql(RESPOND, { id: i.id, r: '答'.repeat(5001), m: '措施' }, { token: aHead });
  expect([codeOf(r), r.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'response']);
  const big = await p.gql(
    INTERVIEW,
    {
      i: {
        agencyId: w.agencyA,
        heldAt: '2026-11-20T02:00:00.000Z',
        interviewees: '张三',
        reasons: '事由',
        record: '记'.repeat(20_001),
        followUp: '',
      },
    },
    sup(),
  );
  expect([codeOf(big), big.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'record']);
  const notice = await p.gql(
    PUBLISH,
    { i: { title: '标'.repeat(201), body: '正文', agencyIds: [w.agencyA], kind: 'CRITICISM' } },
    sup(),
  );
  expect([codeOf(notice), notice.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'title']);
  expect(afterIssue - before).toBe(2); // the one instrument issued and its step
  expect(await count()).toBe(afterIssue);
});

test('supervisionInstruments(first: 3) and (first: 30), with history and agency, run as many statements', async () => {
  const admin2 = { token: admin };
  await sql(
    p.databaseUrl,
    `insert into supervision.supervision_instrument (id, kind, agency_id, region, subject, findings, requirements,
       legal_basis, response_working_days, status, issued_by, due_on)
     select gen_random_uuid(), 'OPINION', $1, '宁晋县', '批量' || g, '问题', '要求', '依据', 15, 'ISSUED', 'seed',
            current_date + 30
       from generate_series(1, 40) g`,
    [w.agencyB],
  );
  const q = `query($n: Int) { supervisionInstruments(first: $n) { edges { node { id agency { name }
    history { action } } } } }`;
  const run = async (n: number) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const { result, statements } = await p.countSql(() => p.gql(q, { n }, admin2));
      expect(result.errors).toBeUndefined();
      expect(result.data.supervisionInstruments.edges).toHaveLength(n);
      best = Math.min(best, statements);
    }
    return best;
  };
  const three = await run(3);
  expect(three).toBeGreaterThan(0);
  expect(await run(30)).toBe(three);
});
