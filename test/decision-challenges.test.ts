import {
  addCalendarDays,
  INTERNAL_SECRET_HEADER,
  internalSecret,
  Role,
  SERVICE_TOKEN_HEADER,
  shanghaiDate,
  signServiceToken,
  WorkingCalendar,
} from '@tsp/shared';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import {
  APPEND,
  DECIDE,
  doc,
  OPEN,
  penaltyCase,
  photo,
  type RecordsWorld,
  serveNoticeWaived,
  setupWorld,
  video,
} from './kit/records-fixtures';
import { until } from './kit/until';

/**
 * 行政复议与行政诉讼 through the gateway: a reconsideration recorded against a decision and decided REVOKED is a
 * DECISION_OVERTURNED finding, a DecisionChallengeDecided event, and starts disclosure's 3-working-day withdrawal of
 * the published decision (行政处罚法 §48); callers outside the case's agency and region, undecided cases and bad
 * dates are refused with nothing written. Then records' statisticsRows, for service callers only.
 */
let p: Platform;
let w: RecordsWorld;
let chair: string;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
  // An officer of A with a PENALTY credential who investigates nothing: a lawful hearing chair (§64(四)).
  const admin = (q: string, v: Record<string, unknown>) => ok(q, v, w.tokens.admin);
  chair = (
    await admin(`mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`, {
      i: { agencyId: w.agencyA, name: '孙丽', position: '法制员', roles: ['ENFORCEMENT'] },
    })
  ).registerOfficer.id;
  await admin(`mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`, {
    i: {
      officerId: chair,
      number: 'HB-NJ-0005',
      categories: ['PENALTY'],
      region: '宁晋县',
      issuedOn: '2024-01-01',
      expiresOn: '2030-12-31',
    },
  });
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const now = () => new Date().toISOString();
const today = () => shanghaiDate();
const tomorrow = () => addCalendarDays(today(), 1);
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
async function ok(q: string, v: Record<string, unknown>, tok = w.tokens.a) {
  const r = await p.gql(q, v, { token: tok });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

const FIELDS = `id caseId kind body reference filedOn outcome decidedOn overturns summary`;
const RECORD = `mutation($i: RecordDecisionChallengeInput!) { recordDecisionChallenge(input: $i) { ${FIELDS} } }`;
const DECIDE_CHALLENGE = `mutation($i: DecideDecisionChallengeInput!) { decideDecisionChallenge(input: $i) { ${FIELDS} } }`;
const CHALLENGES = `query($id: ID!) { case(id: $id) { decision { challenges { ${FIELDS} } } } }`;
const FINDINGS = `query($a: ID!) { agency(id: $a) { recordFindings { kind subjectId detail category } } }`;

/** A penalty case walked to EXAMINATION with its notice served and waived. */
async function examinedCase(caseNumber: string, terms: Record<string, unknown>) {
  const caseId = (await ok(OPEN, { i: penaltyCase(w, caseNumber) })).openCase.id as string;
  const step = (stage: string, activity: string, attachments: unknown[], summary: string) =>
    ok(APPEND, { i: { caseId, stage, activity, occurredAt: now(), officerIds: [w.o1, w.o2], attachments, summary } });
  await step('INVESTIGATION', 'ON_SITE_INSPECTION', [video(), photo()], '现场检查');
  await step('EVIDENCE', 'EVIDENCE_COLLECTION', [video()], '现场测量');
  await serveNoticeWaived(p, w, caseId, terms as never);
  return caseId;
}

async function decidedCase(caseNumber: string, terms: Record<string, unknown>, conclusion: string) {
  const caseId = await examinedCase(caseNumber, terms);
  await ok(DECIDE, {
    i: {
      caseId,
      outcome: '处罚',
      ...terms,
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      facts: '未取得建设工程规划许可证建设房屋',
      conclusion,
      decidedOn: today(),
      officerIds: [w.o1, w.o2],
      attachments: [doc('处罚决定书')],
    },
  });
  return caseId;
}

const reconsideration = (caseId: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  kind: 'RECONSIDERATION',
  body: '宁晋县人民政府',
  reference: '宁政复〔2026〕3号',
  filedOn: today(),
  summary: '申请人请求撤销罚款决定',
  ...extra,
});

async function writes() {
  const n = async (q: string) => Number((await sql<{ n: string }>(p.databaseUrl, q))[0].n);
  return {
    challenges: await n('select count(*) as n from records.decision_challenge'),
    decided: await n(`select count(*) as n from records.decision_challenge where outcome <> 'PENDING'`),
    outbox: await n('select count(*) as n from records.outbox'),
  };
}

let revokedCase: string;
let upheldCase: string;
let openCase: string;

test('a reconsideration decided REVOKED: the finding, the event, and disclosure starts the withdrawal', async () => {
  revokedCase = await decidedCase('宁规罚〔2026〕201号', { penaltyKinds: ['FINE'], fineAmount: '3000' }, '罚款叁仟元');
  // The decision is published first, so there is something for §48 to withdraw.
  const pub = await until('the draft publication', async () => {
    const r = await p.gql(
      `query($id: ID!) { case(id: $id) { publication { id status } } }`,
      { id: revokedCase },
      {
        token: w.tokens.aHead,
      },
    );
    return r.data?.case?.publication ?? undefined;
  });
  await ok(
    `mutation($id: ID!) { publishDecision(id: $id, checkNote: "经审核同意公示") { id } }`,
    { id: pub.id },
    w.tokens.aHead,
  );

  // The county government's reconsideration office (in the justice bureau) records it, PENDING.
  const pending = (await ok(RECORD, { i: reconsideration(revokedCase) }, w.tokens.supervisor)).recordDecisionChallenge;
  expect(pending).toMatchObject({ outcome: 'PENDING', decidedOn: null, overturns: false, kind: 'RECONSIDERATION' });
  // The same reference again is CONFLICT: decide the one recorded.
  expect(code(await p.gql(RECORD, { i: reconsideration(revokedCase) }, { token: w.tokens.a }))).toBe('CONFLICT');

  const revoked = (
    await ok(DECIDE_CHALLENGE, {
      i: { id: pending.id, outcome: 'REVOKED', decidedOn: today(), summary: '复议机关决定撤销原处罚决定' },
    })
  ).decideDecisionChallenge;
  expect(revoked).toMatchObject({ outcome: 'REVOKED', decidedOn: today(), overturns: true });
  // Decided once: a second outcome is CONFLICT, PENDING is no outcome.
  expect(
    code(
      await p.gql(
        DECIDE_CHALLENGE,
        { i: { id: pending.id, outcome: 'UPHELD', decidedOn: today(), summary: 'x' } },
        {
          token: w.tokens.a,
        },
      ),
    ),
  ).toBe('CONFLICT');

  const [event] = await sql<{ payload: Record<string, unknown>; agency_id: string }>(
    p.databaseUrl,
    `select payload, agency_id from records.outbox where type = 'DecisionChallengeDecided' and subject_id = $1`,
    [revokedCase],
  );
  expect(event.agency_id).toBe(w.agencyA);
  expect(event.payload).toMatchObject({
    challengeId: pending.id,
    caseId: revokedCase,
    outcome: 'REVOKED',
    overturns: true,
    kind: 'RECONSIDERATION',
    decidedOn: today(),
    decisionDecidedOn: today(),
  });

  const findings = (await ok(FINDINGS, { a: w.agencyA }, w.tokens.supervisor)).agency.recordFindings;
  expect(findings.filter((f: { kind: string }) => f.kind === 'DECISION_OVERTURNED')).toEqual([
    expect.objectContaining({
      subjectId: revokedCase,
      category: 'PENALTY',
      detail: expect.stringContaining('行政复议'),
    }),
  ]);
  expect((await ok(FINDINGS, { a: w.agencyA }, w.tokens.b)).agency.recordFindings).toEqual([]);

  const withdrawal = await until('disclosure to start the withdrawal', async () => {
    const r = await ok(
      `query($id: ID!) { case(id: $id) { publication { status withdrawalTrigger withdrawalDueOn } } }`,
      { id: revokedCase },
      w.tokens.aHead,
    );
    return r.case.publication.withdrawalDueOn ? r.case.publication : undefined;
  });
  expect(withdrawal).toEqual({
    status: 'PUBLISHED',
    withdrawalTrigger: 'DECISION_REVOKED',
    withdrawalDueOn: new WorkingCalendar().addWorkingDays(today(), 3),
  });

  // Read through the decision, batched with the case.
  expect((await ok(CHALLENGES, { id: revokedCase })).case.decision.challenges).toEqual([revoked]);
});

test('recorded already decided UPHELD: no finding, the event says it does not overturn', async () => {
  upheldCase = await decidedCase(
    '宁规罚〔2026〕202号',
    { penaltyKinds: ['FINE', 'CONFISCATION'], fineAmount: '2000', confiscationAmount: '1500' },
    '罚款贰仟元，没收违法所得',
  );
  const upheld = (
    await ok(
      RECORD,
      {
        i: {
          ...reconsideration(upheldCase),
          kind: 'LITIGATION',
          body: '宁晋县人民法院',
          reference: '（2026）冀0528行初7号',
          outcome: 'UPHELD',
          decidedOn: today(),
          summary: '判决驳回原告诉讼请求',
        },
      },
      w.tokens.aHead,
    )
  ).recordDecisionChallenge;
  expect(upheld).toMatchObject({ outcome: 'UPHELD', overturns: false, kind: 'LITIGATION' });
  const [event] = await sql<{ payload: { overturns: boolean } }>(
    p.databaseUrl,
    `select payload from records.outbox where type = 'DecisionChallengeDecided' and subject_id = $1`,
    [upheldCase],
  );
  expect(event.payload.overturns).toBe(false);
  const findings = (await ok(FINDINGS, { a: w.agencyA }, w.tokens.supervisor)).agency.recordFindings;
  expect(findings.filter((f: { subjectId: string }) => f.subjectId === upheldCase)).toEqual([]);
});

test('another agency, another region, the public, an undecided case and bad dates are refused; nothing is written', async () => {
  openCase = await examinedCase('宁规罚〔2026〕203号', { penaltyKinds: ['FINE'], fineAmount: '1000' });
  const before = await writes();
  const i = reconsideration(upheldCase, { reference: '宁政复〔2026〕9号' });
  expect(code(await p.gql(RECORD, { i }, { token: w.tokens.b }))).toBe('FORBIDDEN');
  expect(code(await p.gql(RECORD, { i }, { token: w.tokens.otherSupervisor }))).toBe('FORBIDDEN');
  expect(code(await p.gql(RECORD, { i }, { token: w.tokens.integrator }))).toBe('FORBIDDEN');
  expect(code(await p.gql(RECORD, { i }))).toBe('UNAUTHENTICATED');
  expect(code(await p.gql(RECORD, { i: reconsideration(openCase) }, { token: w.tokens.a }))).toBe('CONFLICT');
  const bad = async (extra: Record<string, unknown>, field: string) => {
    const r = await p.gql(RECORD, { i: { ...i, ...extra } }, { token: w.tokens.a });
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.field).toBe(field);
  };
  await bad({ filedOn: addCalendarDays(today(), -1) }, 'filedOn'); // before the decision (decided today)
  await bad({ filedOn: tomorrow() }, 'filedOn');
  await bad({ outcome: 'REVOKED' }, 'decidedOn'); // an outcome needs its day
  await bad({ outcome: 'REVOKED', decidedOn: tomorrow() }, 'decidedOn');
  await bad({ decidedOn: today() }, 'decidedOn'); // PENDING has none
  await bad({ body: '院'.repeat(201) }, 'body');
  await bad({ summary: ' ' }, 'summary');
  // Deciding: another agency's officer, a future day.
  const [pending] = (await ok(CHALLENGES, { id: revokedCase })).case.decision.challenges;
  expect(
    code(
      await p.gql(
        DECIDE_CHALLENGE,
        { i: { id: pending.id, outcome: 'UPHELD', decidedOn: today(), summary: 'x' } },
        {
          token: w.tokens.b,
        },
      ),
    ),
  ).toBe('FORBIDDEN');
  expect(await writes()).toEqual(before);
});

test('statisticsRows: records’ counts and amounts for the region, to service callers only', async () => {
  // A hearing in the open case: chaired by an officer who did not investigate it.
  await ok(`mutation($i: RecordHearingInput!) { recordHearing(input: $i) { hearing { heldAt } } }`, {
    i: {
      caseId: openCase,
      chairOfficerId: chair,
      officerIds: [w.o1],
      heldAt: now(),
      summary: '听证会',
      attachments: [video(), doc('听证笔录')],
    },
  });
  const q = `query($r: String!, $f: Date!, $t: Date!) { statisticsRows(region: $r, from: $f, to: $t) { agencyId month category metric value } }`;
  const month = today().slice(0, 7);
  const v = { r: '宁晋县', f: `${month}-01`, t: today() };
  const direct = { url: p.subgraphs.records.url, headers: { [INTERNAL_SECRET_HEADER]: internalSecret() } };
  const svc = {
    ...direct,
    headers: { ...direct.headers, [SERVICE_TOKEN_HEADER]: await signServiceToken('supervision') },
  };
  const { result: r, statements } = await p.countSql(() => p.gql(q, v, svc));
  expect(r.errors).toBeUndefined();
  expect(statements).toBe(1);
  const row = (metric: string, value: string) => ({ agencyId: w.agencyA, month, category: 'PENALTY', metric, value });
  expect(r.data.statisticsRows).toEqual(
    [
      row('CASES_FILED', '3'),
      row('DECISIONS', '2'),
      row('PENALTY_DECISIONS', '2'),
      row('FINE_AMOUNT', '5000.00'),
      row('CONFISCATION_AMOUNT', '1500.00'),
      row('HEARINGS_HELD', '1'),
      row('DECISIONS_CHALLENGED', '2'),
      row('DECISIONS_OVERTURNED', '1'),
    ].sort((a, b) => a.metric.localeCompare(b.metric)),
  );
  // Another region has none of it; a period ending before it starts is refused.
  expect((await p.gql(q, { ...v, r: '柏乡县' }, svc)).data.statisticsRows).toEqual([]);
  expect(code(await p.gql(q, { ...v, t: '2026-01-01', f: '2026-01-02' }, svc))).toBe('BAD_USER_INPUT');
  // A user token on the subgraph, even an admin's or the supervisor's, is refused; the gateway does not expose it.
  for (const t of [w.tokens.a, w.tokens.supervisor, w.tokens.admin, await token({ role: Role.ADMIN, sub: 'x' })])
    expect(code(await p.gql(q, v, { ...direct, token: t }))).toBe('FORBIDDEN');
  expect(code(await p.gql(q, v, direct))).toBe('FORBIDDEN');
  const viaGateway = await p.gql(q, v, { token: w.tokens.supervisor });
  expect(viaGateway.errors?.[0].message).toMatch(/Cannot query field "statisticsRows"/);
});
