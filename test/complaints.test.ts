import { createHash } from 'node:crypto';

import { overrideConfig, Role, shanghaiDate, WorkingCalendar } from '@tsp/shared';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { type RecordsWorld, setupWorld } from './kit/records-fixtures';

/**
 * 投诉举报 through the real gateway: the public submits and follows with a receipt code; the justice bureau
 * triages, assigns, closes and reopens; the agency answers without learning who complained; findings follow.
 * The per-address limits are raised here (this file submits many); test/abuse/complaints.test.ts keeps the defaults.
 */
let p: Platform;
let w: RecordsWorld;
let restore: () => void;
let aHead: string;
let bHead: string;

const SUBMIT = `mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { receiptCode status submittedAt } }`;
const PROGRESS = `query($c: String!) { complaintByReceipt(code: $c) {
  kind status subject submittedAt triagedAt rejectionReason assignedAt dueOn answeredAt answer closedAt conclusion
  upheld agency { name } } }`;
const FIELDS = `id kind status subject content anonymous caseNumber dueOn answer conclusion upheld reopenCount
  reopenReason triageNote officer { id } agency { id name } complainant { name phone idNumber }`;
const ONE = `query($id: ID!) { complaint(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: ComplaintFilterInput, $n: Int) { complaints(filter: $f, first: $n) {
  edges { node { id status agency { name } } } pageInfo { hasNextPage } } }`;
const TRIAGE = `mutation($id: ID!, $a: Boolean!, $n: String) { triageComplaint(id: $id, accept: $a, note: $n) { id status } }`;
const ASSIGN = `mutation($id: ID!, $d: Int) { assignComplaint(id: $id, dueWorkingDays: $d) { id status dueOn } }`;
const ANSWER = `mutation($id: ID!, $t: String!) { answerComplaint(id: $id, answer: $t) { id status answer complainant { name } } }`;
const CLOSE = `mutation($id: ID!, $c: String!, $u: Boolean!) { closeComplaint(id: $id, conclusion: $c, upheld: $u) { id status upheld } }`;
const REOPEN = `mutation($id: ID!, $r: String!) { reopenComplaint(id: $id, reason: $r) { id status dueOn reopenCount answer } }`;
const FINDINGS = `{ agencies(region: "宁晋县") { id supervisionFindings { kind subjectId detail since } } }`;

const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};
const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

const complaint = (over: Record<string, unknown> = {}) => ({
  agencyId: w.agencyA,
  subject: '执法人员态度粗暴',
  content: '2026年11月3日上午，执法人员在检查时态度粗暴，未出示执法证件。',
  name: '孙丽',
  phone: '13912345678',
  idNumber: '11010519491231002X',
  ...over,
});

/** Submits as the public; answers the receipt code and the complaint's id (read by the hash, as the bureau would list it). */
async function submit(over: Record<string, unknown> = {}) {
  const r = ok(await p.gql(SUBMIT, { i: complaint(over) })).submitComplaint;
  const hash = createHash('sha256').update(r.receiptCode).digest('hex');
  const [row] = await sql<{ id: string }>(
    p.databaseUrl,
    `select id from supervision.complaint where receipt_hash = $1`,
    [hash],
  );
  return { code: r.receiptCode as string, id: row.id, receipt: r };
}

async function accepted(over: Record<string, unknown> = {}) {
  const c = await submit(over);
  ok(await p.gql(TRIAGE, { id: c.id, a: true, n: '属于受理范围' }, { token: w.tokens.supervisor }));
  return c;
}

async function assigned(over: Record<string, unknown> = {}) {
  const c = await accepted(over);
  ok(await p.gql(ASSIGN, { id: c.id }, { token: w.tokens.supervisor }));
  return c;
}

beforeAll(async () => {
  restore = overrideConfig({ COMPLAINT_RATE_PER_HOUR: '10000', COMPLAINT_RATE_PER_DAY: '10000' });
  p = await startPlatform();
  w = await setupWorld(p);
  aHead = await token({ role: Role.AGENCY_HEAD, sub: 'head-a', agencyId: w.agencyA });
  bHead = await token({ role: Role.AGENCY_HEAD, sub: 'head-b', agencyId: w.agencyB });
}, 180_000);
afterAll(async () => {
  await p?.stop();
  restore?.();
});

test('the public submits without a token and follows with the receipt code; only its hash is stored', async () => {
  const c = await submit({ officerId: w.o1, caseNumber: '宁规罚〔2026〕12号' });
  expect(c.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(c.receipt.status).toBe('SUBMITTED');
  const stored = await sql(p.databaseUrl, `select * from supervision.complaint where id = $1`, [c.id]);
  expect(JSON.stringify(stored)).not.toContain(c.code);
  const progress = ok(await p.gql(PROGRESS, { c: c.code })).complaintByReceipt;
  expect(progress).toMatchObject({
    status: 'SUBMITTED',
    subject: '执法人员态度粗暴',
    agency: { name: '宁晋县城乡规划局' },
  });
  expect(progress.answer).toBeNull();
  // The public answer has no field for anyone's identity or the bureau's notes.
  const type = ok(await p.gql(`{ __type(name: "ComplaintProgress") { fields { name } } }`)).__type;
  const names = type.fields.map((f: { name: string }) => f.name);
  for (const hidden of ['complainant', 'name', 'phone', 'idNumber', 'content', 'triageNote', 'officer'])
    expect(names).not.toContain(hidden);
});

test('an unknown or malformed code answers null; another complaint’s code shows only that complaint', async () => {
  const [one, two] = [await submit({ subject: '第一件' }), await submit({ subject: '第二件' })];
  expect(ok(await p.gql(PROGRESS, { c: 'AAAAAAAAAAAAAAAAAAAAAA' })).complaintByReceipt).toBeNull();
  expect(ok(await p.gql(PROGRESS, { c: 'x'.repeat(5000) })).complaintByReceipt).toBeNull();
  expect(ok(await p.gql(PROGRESS, { c: one.code })).complaintByReceipt.subject).toBe('第一件');
  expect(ok(await p.gql(PROGRESS, { c: two.code })).complaintByReceipt.subject).toBe('第二件');
  // The public reads nothing else.
  expect(codeOf(await p.gql(ONE, { id: one.id }))).toBe('UNAUTHENTICATED');
  expect(codeOf(await p.gql(LIST, {}))).toBe('UNAUTHENTICATED');
});

test('triage → assign → answer → close: the complainant reads the answer and the conclusion', async () => {
  const c = await submit();
  const sup = { token: w.tokens.supervisor };
  // The agency sees nothing before the bureau sends it.
  expect(codeOf(await p.gql(ONE, { id: c.id }, { token: aHead }))).toBe('NOT_FOUND');
  expect(ok(await p.gql(TRIAGE, { id: c.id, a: true, n: '内部：先核实执法记录' }, sup)).triageComplaint.status).toBe(
    'ACCEPTED',
  );
  const days = 10;
  const a = ok(await p.gql(ASSIGN, { id: c.id, d: days }, sup)).assignComplaint;
  expect(a.status).toBe('ASSIGNED');
  // The due day on the official calendar, counted from today (Asia/Shanghai).
  expect(a.dueOn).toBe(new WorkingCalendar().addWorkingDays(shanghaiDate(), days));
  // Assigning twice is a state conflict.
  expect(codeOf(await p.gql(ASSIGN, { id: c.id }, sup))).toBe('CONFLICT');

  const seen = ok(await p.gql(ONE, { id: c.id }, { token: aHead })).complaint;
  expect(seen).toMatchObject({ status: 'ASSIGNED', complainant: null, triageNote: null, subject: '执法人员态度粗暴' });
  const bureau = ok(await p.gql(ONE, { id: c.id }, sup)).complaint;
  expect(bureau.complainant).toEqual({ name: '孙丽', phone: '13912345678', idNumber: '11010519491231002X' });

  // Only the bureau closes; only the agency answers.
  expect(codeOf(await p.gql(CLOSE, { id: c.id, c: 'x', u: true }, { token: aHead }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(ANSWER, { id: c.id, t: '已核实' }, sup))).toBe('FORBIDDEN');
  const answered = ok(await p.gql(ANSWER, { id: c.id, t: '经核实，已对相关人员批评教育。' }, { token: w.tokens.a }));
  expect(answered.answerComplaint).toMatchObject({ status: 'ANSWERED', complainant: null });
  const progress = ok(await p.gql(PROGRESS, { c: c.code })).complaintByReceipt;
  expect(progress).toMatchObject({ status: 'ANSWERED', answer: '经核实，已对相关人员批评教育。', conclusion: null });

  ok(await p.gql(CLOSE, { id: c.id, c: '投诉属实，已责令整改。', u: true }, sup));
  expect(ok(await p.gql(PROGRESS, { c: c.code })).complaintByReceipt).toMatchObject({
    status: 'CLOSED',
    conclusion: '投诉属实，已责令整改。',
    upheld: true,
  });
  const events = await sql<{ type: string; payload: unknown }>(
    p.databaseUrl,
    `select type, payload from supervision.outbox where subject_id = $1 order by position`,
    [c.id],
  );
  expect(events.map((e) => e.type)).toEqual([
    'ComplaintSubmitted',
    'ComplaintAssigned',
    'ComplaintAnswered',
    'ComplaintClosed',
  ]);
  expect(JSON.stringify(events)).not.toMatch(/孙丽|13912345678|11010519491231002X|批评教育/);
});

test('a rejection needs a reason, which the complainant reads; the internal note of an acceptance it does not', async () => {
  const c = await submit();
  expect(codeOf(await p.gql(TRIAGE, { id: c.id, a: false }, { token: w.tokens.supervisor }))).toBe('BAD_USER_INPUT');
  ok(await p.gql(TRIAGE, { id: c.id, a: false, n: '不属于行政执法监督范围' }, { token: w.tokens.supervisor }));
  expect(ok(await p.gql(PROGRESS, { c: c.code })).complaintByReceipt).toMatchObject({
    status: 'REJECTED',
    rejectionReason: '不属于行政执法监督范围',
  });
  const other = await accepted();
  expect(ok(await p.gql(PROGRESS, { c: other.code })).complaintByReceipt.rejectionReason).toBeNull();
});

test('reopening after the answer sends it back with a new due day and is a finding', async () => {
  const c = await assigned();
  ok(await p.gql(ANSWER, { id: c.id, t: '已处理' }, { token: aHead }));
  const r = ok(await p.gql(REOPEN, { id: c.id, r: '答复未回应未出示证件的问题' }, { token: w.tokens.supervisor }));
  expect(r.reopenComplaint).toMatchObject({ status: 'ASSIGNED', reopenCount: 1, answer: null });
  expect(r.reopenComplaint.dueOn).toBe(new WorkingCalendar().addWorkingDays(shanghaiDate(), 15));
  const agencies = ok(await p.gql(FINDINGS, {}, { token: w.tokens.supervisor })).agencies;
  const a = agencies.find((x: { id: string }) => x.id === w.agencyA);
  expect(a.supervisionFindings.filter((f: { subjectId: string }) => f.subjectId === c.id)).toEqual([
    expect.objectContaining({ kind: 'COMPLAINT_REOPENED' }),
  ]);
  // The agency answers again; the finding stays (it was sent back once).
  ok(await p.gql(ANSWER, { id: c.id, t: '已补充说明' }, { token: aHead }));
  const again = ok(await p.gql(FINDINGS, {}, { token: w.tokens.supervisor })).agencies;
  expect(
    again
      .find((x: { id: string }) => x.id === w.agencyA)
      .supervisionFindings.some((f: { subjectId: string; kind: string }) => f.subjectId === c.id),
  ).toBe(true);
  const summary = ok(
    await p.gql(
      `{ supervisionSummary(region: "宁晋县", from: "2026-01-01", to: "2027-12-31") { agency { id } supervision { kind count } } }`,
      {},
      { token: w.tokens.supervisor },
    ),
  ).supervisionSummary;
  const mine = summary.find((s: { agency: { id: string } }) => s.agency.id === w.agencyA);
  expect(mine.supervision).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'COMPLAINT_REOPENED' })]));
});

test('overdue across National Day 2026: due 27 October (15 working days from 30 September), a finding from the 28th', async () => {
  const c = await assigned();
  const due = new WorkingCalendar().addWorkingDays('2026-09-30', 15);
  expect(due).toBe('2026-10-27');
  // Backdated, as if accepted and assigned on 30 September (the due day is what assignComplaint stores then).
  await sql(
    p.databaseUrl,
    `update supervision.complaint set accepted_on = '2026-09-30', assigned_at = '2026-09-30T10:00:00+08:00',
       due_on = $2 where id = $1`,
    [c.id, due],
  );
  const findings = ok(await p.gql(FINDINGS, {}, { token: w.tokens.supervisor }))
    .agencies.find((x: { id: string }) => x.id === w.agencyA)
    .supervisionFindings.filter((f: { subjectId: string }) => f.subjectId === c.id);
  expect(findings).toEqual([expect.objectContaining({ kind: 'COMPLAINT_OVERDUE', since: '2026-10-27T16:00:00.000Z' })]);
  expect(findings[0].detail).toContain('2026-10-27');
  // The overdue filter lists it; answering ends the finding.
  const overdue = ok(await p.gql(LIST, { f: { overdue: true } }, { token: w.tokens.supervisor })).complaints.edges;
  expect(overdue.map((e: { node: { id: string } }) => e.node.id)).toContain(c.id);
  ok(await p.gql(ANSWER, { id: c.id, t: '迟到的答复' }, { token: aHead }));
  const after = ok(await p.gql(FINDINGS, {}, { token: w.tokens.supervisor }))
    .agencies.find((x: { id: string }) => x.id === w.agencyA)
    .supervisionFindings.filter((f: { subjectId: string }) => f.subjectId === c.id);
  expect(after).toEqual([]);
});

test('another region’s bureau and another agency’s staff see nothing and change nothing', async () => {
  const c = await assigned();
  const other = { token: w.tokens.otherSupervisor };
  expect(codeOf(await p.gql(ONE, { id: c.id }, other))).toBe('NOT_FOUND');
  expect(ok(await p.gql(LIST, {}, other)).complaints.edges).toEqual([]);
  expect(codeOf(await p.gql(CLOSE, { id: c.id, c: 'x', u: false }, other))).toBe('NOT_FOUND');
  const otherAgency = ok(await p.gql(FINDINGS, {}, other)).agencies;
  for (const a of otherAgency) expect(a.supervisionFindings).toEqual([]);

  expect(codeOf(await p.gql(ONE, { id: c.id }, { token: bHead }))).toBe('NOT_FOUND');
  expect(codeOf(await p.gql(ANSWER, { id: c.id, t: '越权答复' }, { token: w.tokens.b }))).toBe('NOT_FOUND');
  const bList = ok(await p.gql(LIST, {}, { token: bHead })).complaints.edges;
  expect(bList.map((e: { node: { id: string } }) => e.node.id)).not.toContain(c.id);
  // Integrators and legal reviewers are not handlers of complaints.
  expect(codeOf(await p.gql(LIST, {}, { token: w.tokens.integrator }))).toBe('FORBIDDEN');
  // A's own list shows it, without the complainant.
  const aList = ok(
    await p.gql(
      `{ complaints(first: 200) { edges { node { id complainant { phone idNumber } } } } }`,
      {},
      { token: aHead },
    ),
  ).complaints.edges;
  const mine = aList.find((e: { node: { id: string } }) => e.node.id === c.id);
  expect(mine.node.complainant).toBeNull();
  expect(aList.every((e: { node: { complainant: unknown } }) => e.node.complainant === null)).toBe(true);
});

test('the officer a complaint names neither reads nor answers it; the rest of the agency does', async () => {
  // o1 (w.tokens.a) is the officer complained about; o2 is a colleague.
  const c = await assigned({ officerId: w.o1, caseNumber: '宁规罚〔2026〕31号' });
  const o2 = await token({ role: Role.OFFICER, sub: w.o2, agencyId: w.agencyA });
  const accused = { token: w.tokens.a };
  expect(codeOf(await p.gql(ONE, { id: c.id }, accused))).toBe('NOT_FOUND');
  const listed = ok(await p.gql(LIST, { n: 200 }, accused)).complaints.edges;
  expect(listed.map((e: { node: { id: string } }) => e.node.id)).not.toContain(c.id);
  expect(codeOf(await p.gql(ANSWER, { id: c.id, t: '本人没有过错' }, accused))).toBe('NOT_FOUND');
  expect(ok(await p.gql(ONE, { id: c.id }, { token: o2 })).complaint.officer).toEqual({ id: w.o1 });
  const answered = ok(await p.gql(ANSWER, { id: c.id, t: '经核实，已对该执法人员批评教育。' }, { token: aHead }));
  expect(answered.answerComplaint.status).toBe('ANSWERED');
});

test('bad input is BAD_USER_INPUT naming the field, and nothing is written', async () => {
  const count = async () =>
    Number(
      (
        await sql<{ n: string }>(
          p.databaseUrl,
          `select (select count(*) from supervision.complaint) + (select count(*)
        from supervision.outbox) as n`,
        )
      )[0].n,
    );
  const before = await count();
  const cases: [Record<string, unknown>, string][] = [
    [{ content: '长'.repeat(5001) }, 'content'],
    [{ subject: '题'.repeat(201) }, 'subject'],
    [{ subject: '   ' }, 'subject'],
    [{ name: null }, 'name'],
    [{ phone: null }, 'phone'],
    [{ idNumber: '110105194912310021' }, 'idNumber'],
    [{ anonymous: true }, 'anonymous'],
    [{ kind: 'REPORT', anonymous: true }, 'name'],
    [{ agencyId: 'not-an-id' }, 'agencyId'],
    [{ agencyId: '00000000-0000-4000-8000-000000000000' }, 'agencyId'],
    [{ officerId: w.b1 }, 'officerId'],
  ];
  for (const [over, field] of cases) {
    const r = await p.gql(SUBMIT, { i: complaint(over) });
    expect([field, codeOf(r), r.errors?.[0]?.extensions?.field]).toEqual([field, 'BAD_USER_INPUT', field]);
  }
  expect(await count()).toBe(before);
  // An anonymous report without identity is accepted, and the bureau sees no complainant.
  const anon = await submit({ kind: 'REPORT', anonymous: true, name: null, phone: null, idNumber: null });
  const seen = ok(await p.gql(ONE, { id: anon.id }, { token: w.tokens.supervisor })).complaint;
  expect(seen).toMatchObject({ anonymous: true, complainant: null, kind: 'REPORT' });
});

test('complaints(first: 10) and (first: 100) run the same number of SQL statements', async () => {
  await sql(
    p.databaseUrl,
    `insert into supervision.complaint (id, receipt_hash, kind, agency_id, region, subject, content, complainant_name,
       complainant_phone, status, submitted_at)
     select gen_random_uuid(), md5(g::text) || md5((g + 1000)::text), 'COMPLAINT', $1, '宁晋县', '批量' || g, '内容',
            '某人', '13800000000', 'SUBMITTED', now() - g * interval '1 minute'
       from generate_series(1, 150) g`,
    [w.agencyB],
  );
  const run = (n: number) =>
    p.countSql(async () => {
      const r = ok(await p.gql(LIST, { n }, { token: w.tokens.supervisor }));
      expect(r.complaints.edges).toHaveLength(n);
      return r;
    });
  const ten = await run(10);
  const hundred = await run(100);
  expect(hundred.statements).toBe(ten.statements);
  expect(ten.statements).toBeLessThanOrEqual(4);
});
