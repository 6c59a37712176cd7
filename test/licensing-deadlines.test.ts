import { addCalendarDays, shanghaiDate, WorkingCalendar } from '@tsp/shared';

import { type Platform, startPlatform } from './kit/platform';
import { APPEND, doc, OPEN, penaltyCase, type RecordsWorld, setupWorld, snapshot } from './kit/records-fixtures';

/**
 * 行政许可期限 (行政许可法 §32, §42, §82) through the gateway. Past applications come in through the ADMIN's
 * importLegacyCase (as records-service.test.ts does for service), received Tue 2026-09-29 just before 国庆
 * (10-01..10-07 off, Sat 10-10 a make-up working day): the answer is due 10-12, not 10-06. A late answer is
 * LICENSING_ACCEPTANCE_OVERDUE; an undecided case past its decision day is LICENSING_DECISION_OVERDUE; the agency
 * head's extension adds at most 10 working days. Officer o4 holds the LICENSING credential.
 */
let p: Platform;
let w: RecordsWorld;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const cal = new WorkingCalendar();
const today = () => shanghaiDate();
const CASE_FIELDS = `id acceptanceDueOn acceptedOn decisionDueOn overdue`;
const IMPORT = `mutation($i: ImportLegacyCaseInput!) { importLegacyCase(input: $i) { ${CASE_FIELDS} } }`;
const CASE = `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} decisionDeadlineExtensions { fromDueOn toDueOn } } }`;
const EXTEND = `mutation($c: ID!, $d: Date!, $r: String!) { extendDecisionDeadline(caseId: $c, newDueOn: $d, reason: $r) { ${CASE_FIELDS} } }`;
const FINDINGS = `query($a: ID!) { agency(id: $a) { recordFindings { kind subjectId since category detail } } }`;
const SUMMARY = `query($f: Date!, $t: Date!) { supervisionSummary(region: "宁晋县", from: $f, to: $t) {
  agency { id } records { kind category count } } }`;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

async function ok(q: string, v: Record<string, unknown>, tok = w.tokens.a) {
  const r = await p.gql(q, v, { token: tok });
  expect(r.errors).toBeUndefined();
  return r.data;
}

/** A licensing application received on `filedOn`, answered by an ACCEPTANCE entry on `acceptedOn` (if given). */
function application(caseNumber: string, filedOn: string, acceptedOn: string | null, decidedOn?: string) {
  const entry = (stage: string, activity: string, day: string, summary: string, document: string) => ({
    stage,
    activity,
    occurredAt: `${day}T10:00:00+08:00`,
    officerIds: [w.o4],
    summary,
    attachments: [doc(document)],
  });
  return {
    agencyId: w.agencyA,
    caseNumber,
    category: 'LICENSING',
    cause: '建设工程规划许可证核发申请',
    party: { type: 'ORGANIZATION', name: '宁晋县某置业有限公司' },
    handlerIds: [w.o4],
    filedAt: `${filedOn}T09:00:00+08:00`,
    entries: [
      entry('FILING', 'FILING', filedOn, '收到申请', '申请材料'),
      ...(acceptedOn ? [entry('FILING', 'ACCEPTANCE', acceptedOn, '受理：材料齐全，予以受理', '受理通知书')] : []),
    ],
    decision: decidedOn
      ? {
          outcome: '准予许可',
          penaltyKinds: [],
          legalBasis: '《中华人民共和国城乡规划法》第四十条',
          facts: '申请材料齐全，符合控制性详细规划',
          conclusion: '核发建设工程规划许可证',
          decidedOn,
          officerIds: [w.o4],
        }
      : null,
  };
}
const imported = async (i: Record<string, unknown>) => (await ok(IMPORT, { i }, w.tokens.admin)).importLegacyCase;
const licensingFindings = async () =>
  ((await ok(FINDINGS, { a: w.agencyA }, w.tokens.supervisor)).agency.recordFindings as { kind: string }[]).filter(
    (f) => f.kind.startsWith('LICENSING_'),
  );
const extend = (caseId: string, newDueOn: string) =>
  p.gql(
    EXTEND,
    { c: caseId, d: newDueOn, r: '需要组织专家评审，经负责人批准延长并告知申请人' },
    { token: w.tokens.aHead },
  );

let late: { id: string };
let timely: { id: string };
let decided: { id: string };
let recent: { id: string; decisionDueOn: string };

test('live: ACCEPTANCE is recorded at FILING of a licensing case and fixes the due days; refused elsewhere', async () => {
  const licensing = {
    ...penaltyCase(w, '宁规许〔2026〕1号'),
    category: 'LICENSING',
    cause: '乡村建设规划许可证核发申请',
    handlerIds: [w.o4],
    attachments: [doc('申请材料')],
  };
  const opened = (await ok(OPEN, { i: licensing })).openCase;
  const filedOn = shanghaiDate(new Date(opened.filedAt));
  expect(opened.decisionDueOn).toBe(cal.addWorkingDays(filedOn, 20));
  // No extension before the acceptance: it fixes the day the 20 working days run from.
  const early = await extend(opened.id, cal.addWorkingDays(filedOn, 25));
  expect({ code: code(early), message: early.errors?.[0].message }).toEqual({
    code: 'BAD_USER_INPUT',
    message: expect.stringContaining('ACCEPTANCE first'),
  });
  const accept = (caseId: string, stage = 'FILING') => ({
    caseId,
    stage,
    activity: 'ACCEPTANCE',
    occurredAt: new Date().toISOString(),
    officerIds: [w.o4],
    summary: '受理：申请材料齐全、符合法定形式',
    attachments: [doc('受理通知书')],
  });
  expect((await ok(APPEND, { i: accept(opened.id) })).appendRecord).toMatchObject({
    stage: 'FILING',
    activity: 'ACCEPTANCE',
  });
  expect((await ok(CASE, { id: opened.id })).case).toEqual({
    id: opened.id,
    acceptanceDueOn: cal.addWorkingDays(filedOn, 5),
    acceptedOn: today(),
    decisionDueOn: cal.addWorkingDays(today(), 20),
    overdue: false,
    decisionDeadlineExtensions: [],
  });
  // A penalty case has no application to accept; a licensing case accepts at FILING only. Nothing is written.
  const penalty = (await ok(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕1号') })).openCase;
  for (const [caseId, stage, why] of [
    [penalty.id, 'FILING', /licensing/],
    [opened.id, 'EXAMINATION', /at FILING/],
  ] as const) {
    const before = await snapshot(p, caseId);
    const r = await p.gql(APPEND, { i: accept(caseId, stage) }, { token: w.tokens.a });
    expect({ code: code(r), message: r.errors?.[0].message }).toEqual({
      code: 'STAGE_ORDER',
      message: expect.stringMatching(why),
    });
    expect(await snapshot(p, caseId)).toEqual(before);
  }
});

test('accepted late (10-13, due 10-12): acceptance finding, and the decision is due 20 working days after receipt', async () => {
  late = await imported(application('宁规许〔2026〕11号', '2026-09-29', '2026-10-13'));
  expect(late).toEqual({
    id: late.id,
    acceptanceDueOn: '2026-10-12',
    acceptedOn: '2026-10-13',
    decisionDueOn: '2026-11-02',
    overdue: true,
  });
});

test('accepted in time (10-09): no acceptance finding, decision due 11-05; an extension past +10 working days is refused', async () => {
  timely = await imported(application('宁规许〔2026〕12号', '2026-09-29', '2026-10-09'));
  expect(timely).toMatchObject({
    acceptanceDueOn: '2026-10-12',
    acceptedOn: '2026-10-09',
    decisionDueOn: '2026-11-05',
  });
  const tooFar = await extend(timely.id, '2026-11-20');
  expect({ code: code(tooFar), message: tooFar.errors?.[0].message }).toEqual({
    code: 'BAD_USER_INPUT',
    message: expect.stringContaining('at most 10 working days, to 2026-11-19'),
  });
  expect((await ok(CASE, { id: timely.id })).case).toMatchObject({
    decisionDueOn: '2026-11-05',
    decisionDeadlineExtensions: [],
  });
  // The full 10 working days are allowed; it is still past today, so the finding moves to the day after 11-19.
  const extended = await extend(timely.id, '2026-11-19');
  expect(extended.errors).toBeUndefined();
  expect(extended.data.extendDecisionDeadline).toMatchObject({ decisionDueOn: '2026-11-19', overdue: true });
  // A second extension cannot go past the same limit.
  expect(code(await extend(timely.id, '2026-11-20'))).toBe('BAD_USER_INPUT');
});

test('accepted and decided in time: neither finding', async () => {
  decided = await imported(application('宁规许〔2026〕13号', '2026-09-29', '2026-09-30', '2026-10-20'));
  expect(decided).toMatchObject({ acceptanceDueOn: '2026-10-12', acceptedOn: '2026-09-30', overdue: false });
});

test('undecided past 20 working days: a finding; with the extension recorded, none until day 30', async () => {
  // Received on the latest day whose 20th working day is already past, so its 30th is today or later.
  let filedOn = addCalendarDays(today(), -1);
  while (cal.addWorkingDays(filedOn, 20) >= today()) filedOn = addCalendarDays(filedOn, -1);
  recent = await imported(application('宁规许〔2026〕14号', filedOn, filedOn));
  expect(recent).toMatchObject({ acceptedOn: filedOn, decisionDueOn: cal.addWorkingDays(filedOn, 20), overdue: true });
  expect(await licensingFindings()).toContainEqual(
    expect.objectContaining({ kind: 'LICENSING_DECISION_OVERDUE', subjectId: recent.id }),
  );
  const day30 = cal.addWorkingDays(filedOn, 30);
  expect(day30 >= today()).toBe(true);
  const r = await extend(recent.id, day30);
  expect(r.errors).toBeUndefined();
  expect(r.data.extendDecisionDeadline).toMatchObject({ decisionDueOn: day30, overdue: false });
  expect((await licensingFindings()).filter((f) => (f as { subjectId?: string }).subjectId === recent.id)).toEqual([]);
});

test('the supervisor sees exactly the late answer and the two undecided cases, and the summary counts them', async () => {
  const at = (day: string) => new Date(`${addCalendarDays(day, 1)}T00:00:00+08:00`).toISOString();
  const findings = await licensingFindings();
  expect(findings).toHaveLength(3);
  expect(findings).toEqual(
    expect.arrayContaining([
      {
        kind: 'LICENSING_ACCEPTANCE_OVERDUE',
        subjectId: late.id,
        since: at('2026-10-12'),
        category: 'LICENSING',
        detail: expect.stringContaining('2026-10-12'),
      },
      {
        kind: 'LICENSING_DECISION_OVERDUE',
        subjectId: late.id,
        since: at('2026-11-02'),
        category: 'LICENSING',
        detail: expect.stringContaining('2026-11-02'),
      },
      {
        kind: 'LICENSING_DECISION_OVERDUE',
        subjectId: timely.id,
        since: at('2026-11-19'),
        category: 'LICENSING',
        detail: expect.stringContaining('2026-11-19'),
      },
    ]),
  );
  expect(JSON.stringify(findings)).not.toContain(decided.id);
  // Licensing cases are not reported as CASE_OVERDUE (that is §60 of the penalty law).
  const all = (await ok(FINDINGS, { a: w.agencyA }, w.tokens.supervisor)).agency.recordFindings as { kind: string }[];
  expect(all.filter((f) => f.kind === 'CASE_OVERDUE')).toEqual([]);

  const summary = (await ok(SUMMARY, { f: '2026-10-01', t: today() }, w.tokens.supervisor)).supervisionSummary as {
    agency: { id: string };
    records: { kind: string; category: string; count: number }[];
  }[];
  expect(summary.find((s) => s.agency.id === w.agencyA)!.records).toEqual(
    expect.arrayContaining([
      { kind: 'LICENSING_ACCEPTANCE_OVERDUE', category: 'LICENSING', count: 1 },
      { kind: 'LICENSING_DECISION_OVERDUE', category: 'LICENSING', count: 2 },
    ]),
  );
  // Another agency's officer sees none of it.
  expect((await ok(FINDINGS, { a: w.agencyA }, w.tokens.b)).agency.recordFindings).toEqual([]);
});
