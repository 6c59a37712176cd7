import { INTERNAL_SECRET_HEADER, internalSecret, Role, SERVICE_TOKEN_HEADER, signServiceToken } from '@tsp/shared';

import { sampleCases } from '../subgraphs/supervision/src/rules/sampling';
import { testBlob, uploadBlob } from './kit/blobs';
import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { APPEND, ARCHIVE, doc, OPEN, penaltyCase, type RecordsWorld, setupWorld, video } from './kit/records-fixtures';

/**
 * 案卷评查 through the real gateway: the bureau saves a template, plans a year's evaluation over the archived cases of
 * its region (sample reproducible from the stored seed), assigns evaluators of other agencies, they score; results
 * and CASE_FILE_FAILED findings reach the bureau and, without the evaluators' names, the agency.
 */
let p: Platform;
let w: RecordsWorld;
let aHead: string;
let bHead: string;
/** b1 of agency B as an evaluator (token subject = the officer). */
let evalB: string;
/** o1 of agency A as an evaluator. */
let evalA: string;
let templateId: string;
let planId: string;
const archivedA: string[] = [];
const archivedB: string[] = [];
let archived2025: string;
let liveCase: string;

const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};
const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

const TEMPLATE = `mutation($i: SaveEvaluationTemplateInput!) { saveEvaluationTemplate(input: $i) {
  id region category items { code kind maxPoints } } }`;
const PLAN = `mutation($i: PlanCaseFileEvaluationInput!) { planCaseFileEvaluation(input: $i) {
  id seed year casesPerAgency candidates { agency { id } caseIds } template { id } } }`;
const ASSIGN = `mutation($p: ID!, $c: ID!, $o: ID!) { assignEvaluator(planId: $p, caseId: $c, officerId: $o) {
  id status evaluator { id } } }`;
const SCORE = `mutation($i: ScoreCaseFileInput!) { scoreCaseFile(input: $i) {
  id status total vetoFailed grade items { code points vetoFailed comment } } }`;
const RESULTS = `query($p: ID!) { caseFileEvaluations(planId: $p) {
  plan { id seed candidates { agency { id } caseIds } }
  evaluations { id caseId caseNumber category agency { id } status total grade comment
    evaluator { id } evaluatorAgency { id }
    items { code points vetoFailed } }
  agencies { agency { id } evaluated average excellent passed failed } } }`;
const AGENCY_YEAR = `query($a: ID!) { agency(id: $a) { caseFileEvaluations(year: 2026) {
  evaluated average excellent passed failed evaluations { caseId grade evaluator { id } } } } }`;

const ITEMS = [
  { code: 'V1', name: '执法主体不合法', kind: 'VETO' },
  { code: 'V2', name: '超越职权', kind: 'VETO' },
  { code: 'V3', name: '重大执法决定未经法制审核', kind: 'VETO' },
  { code: 'EV', name: '证据', kind: 'SCORED', maxPoints: 30 },
  { code: 'PR', name: '程序', kind: 'SCORED', maxPoints: 30 },
  { code: 'LA', name: '适用法律', kind: 'SCORED', maxPoints: 20 },
  { code: 'DOC', name: '文书', kind: 'SCORED', maxPoints: 20 },
];

/** Scores for every item: full points and no veto, unless overridden. */
const scores = (over: Record<string, Record<string, unknown>> = {}) =>
  ITEMS.map((i) => ({
    code: i.code,
    ...(i.kind === 'VETO' ? { vetoFailed: false } : { points: i.maxPoints }),
    ...over[i.code],
  }));

/** Each legacy case's own 现场检查笔录, held by its agency: whoever downloads it could read that case file. */
const recordOf = (caseNumber: string) => testBlob(`%PDF-1.4 现场检查笔录 ${caseNumber}`, 'application/pdf');

/** A legacy case of the agency, archived on `archivedAt` (imports keep the history as it was). */
async function legacyArchived(agencyId: string, caseNumber: string, archivedAt: string, officers: string[]) {
  const record = recordOf(caseNumber);
  expect([200, 201]).toContain((await uploadBlob(p, agencyId === w.agencyA ? w.tokens.a : w.tokens.b, record)).status);
  const t = new Date(archivedAt).getTime();
  const at = (hoursBefore: number) => new Date(t - hoursBefore * 3600_000).toISOString();
  const r = ok(
    await p.gql(
      `mutation($i: ImportLegacyCaseInput!) { importLegacyCase(input: $i) { id stage } }`,
      {
        i: {
          agencyId,
          caseNumber,
          category: 'PENALTY',
          cause: '未取得建设工程规划许可证进行建设',
          party: { type: 'NATURAL_PERSON', name: '王某某', idNumber: '130528198001011234' },
          handlerIds: officers,
          filedAt: at(48),
          entries: [
            { stage: 'FILING', activity: 'FILING', occurredAt: at(48), officerIds: officers, summary: '立案' },
            {
              stage: 'INVESTIGATION',
              activity: 'ON_SITE_INSPECTION',
              occurredAt: at(24),
              officerIds: officers,
              summary: '现场检查',
              attachments: [
                {
                  kind: 'TEXT_DOCUMENT',
                  sha256: record.sha256,
                  size: record.size,
                  mediaType: record.mediaType,
                  name: '现场检查笔录.pdf',
                  documentType: '现场检查笔录',
                },
              ],
            },
            { stage: 'ARCHIVED', activity: 'ARCHIVE', occurredAt: archivedAt, officerIds: officers, summary: '归档' },
          ],
        },
      },
      { token: w.tokens.admin },
    ),
  ).importLegacyCase;
  expect(r.stage).toBe('ARCHIVED');
  return r.id as string;
}

/** A live inspection case of A taken to ARCHIVED through records' own rules. */
async function liveInspectionArchived(): Promise<string> {
  const id = ok(
    await p.gql(OPEN, { i: penaltyCase(w, 'JC-2026-EV1', { category: 'INSPECTION' }) }, { token: w.tokens.a }),
  ).openCase.id as string;
  for (const [stage, activity, attachments] of [
    ['INVESTIGATION', 'ON_SITE_INSPECTION', [video(), doc('现场检查笔录')]],
    ['DECISION', 'DOCUMENT', [doc('检查结果告知书')]],
  ] as const)
    ok(
      await p.gql(
        APPEND,
        {
          i: {
            caseId: id,
            stage,
            activity,
            occurredAt: new Date().toISOString(),
            officerIds: [w.o1, w.o2],
            summary: activity,
            attachments,
          },
        },
        { token: w.tokens.a },
      ),
    );
  ok(await p.gql(ARCHIVE, { i: { caseId: id, officerIds: [w.o1] } }, { token: w.tokens.a }));
  return id;
}

beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
  aHead = await token({ role: Role.AGENCY_HEAD, sub: 'head-a', agencyId: w.agencyA });
  bHead = await token({ role: Role.AGENCY_HEAD, sub: 'head-b', agencyId: w.agencyB });
  evalB = await token({ role: Role.OFFICER, sub: w.b1, agencyId: w.agencyB });
  evalA = await token({ role: Role.OFFICER, sub: w.o1, agencyId: w.agencyA });
  for (const [i, day] of ['2026-02-10', '2026-05-20', '2026-08-08', '2026-11-11'].entries())
    archivedA.push(await legacyArchived(w.agencyA, `宁规罚〔2026〕${i + 1}号`, `${day}T10:00:00+08:00`, [w.o1, w.o2]));
  for (const [i, day] of ['2026-03-03', '2026-09-09'].entries())
    archivedB.push(await legacyArchived(w.agencyB, `宁文旅罚〔2026〕${i + 1}号`, `${day}T10:00:00+08:00`, [w.b1]));
  archived2025 = await legacyArchived(w.agencyA, '宁规罚〔2025〕9号', '2025-12-31T10:00:00+08:00', [w.o1, w.o2]);
  liveCase = await liveInspectionArchived();
}, 240_000);
afterAll(async () => {
  await p?.stop();
});

test('templates: the bureau saves one totalling 100; a bad total and an officer are refused', async () => {
  const bad = await p.gql(
    TEMPLATE,
    { i: { name: '不足百分', items: ITEMS.map((i) => (i.code === 'DOC' ? { ...i, maxPoints: 10 } : i)) } },
    { token: w.tokens.supervisor },
  );
  expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items' });
  expect(codeOf(await p.gql(TEMPLATE, { i: { name: '机关自定', items: ITEMS } }, { token: w.tokens.a }))).toBe(
    'FORBIDDEN',
  );
  const t = ok(
    await p.gql(TEMPLATE, { i: { name: '宁晋县行政执法案卷评查标准', items: ITEMS } }, { token: w.tokens.supervisor }),
  ).saveEvaluationTemplate;
  expect(t).toMatchObject({ region: '宁晋县', category: null });
  expect(t.items.map((i: { code: string }) => i.code)).toEqual(ITEMS.map((i) => i.code));
  templateId = t.id;
});

test('planning: another region’s bureau is refused; the sample is reproducible from the stored seed', async () => {
  const input = { region: '宁晋县', year: 2026, title: '2026年度行政执法案卷评查', templateId, casesPerAgency: 2 };
  expect(codeOf(await p.gql(PLAN, { i: input }, { token: w.tokens.otherSupervisor }))).toBe('FORBIDDEN');
  expect(codeOf(await p.gql(PLAN, { i: input }, { token: aHead }))).toBe('FORBIDDEN');
  const plan = ok(await p.gql(PLAN, { i: input }, { token: w.tokens.supervisor })).planCaseFileEvaluation;
  planId = plan.id;
  expect(plan.seed).toMatch(/^[0-9a-f]{32}$/);
  const [stored] = await sql<{ seed: string }>(
    p.databaseUrl,
    'select seed from supervision.evaluation_plan where id = $1',
    [planId],
  );
  expect(stored.seed).toBe(plan.seed);
  // The candidates: this year's archived cases, legacy and live; not 2025's.
  const candidates: Record<string, string[]> = Object.fromEntries(
    plan.candidates.map((c: { agency: { id: string }; caseIds: string[] }) => [c.agency.id, c.caseIds]),
  );
  expect(candidates[w.agencyA]).toEqual([...archivedA, liveCase].sort());
  expect(candidates[w.agencyB]).toEqual([...archivedB].sort());
  expect(JSON.stringify(candidates)).not.toContain(archived2025);

  // Anyone with the seed and the candidates draws the same files, in the same order.
  const drawn = ok(await p.gql(RESULTS, { p: planId }, { token: w.tokens.supervisor })).caseFileEvaluations.evaluations;
  const expected = sampleCases(plan.seed, candidates, 2);
  for (const a of [w.agencyA, w.agencyB])
    expect(
      drawn.filter((e: { agency: { id: string } }) => e.agency.id === a).map((e: { caseId: string }) => e.caseId),
    ).toEqual(expected[a]);
  expect(drawn.map((e: { status: string }) => e.status)).toEqual(['SAMPLED', 'SAMPLED', 'SAMPLED', 'SAMPLED']);

  // A second plan draws with a fresh seed, reproducible the same way.
  const again = ok(
    await p.gql(PLAN, { i: { ...input, title: '复查' } }, { token: w.tokens.supervisor }),
  ).planCaseFileEvaluation;
  expect(again.seed).not.toBe(plan.seed);
  const rows = await sql<{ case_id: string; agency_id: string }>(
    p.databaseUrl,
    'select case_id, agency_id from supervision.case_file_evaluation where plan_id = $1 order by agency_id, position',
    [again.id],
  );
  const second = sampleCases(again.seed, candidates, 2);
  expect(rows.map((r) => r.case_id)).toEqual(
    Object.keys(second)
      .sort()
      .flatMap((a) => second[a]),
  );
});

/** The plan's sampled files of an agency, in draw order (as the bureau reads them). */
async function sampled(agencyId: string): Promise<{ id: string; caseId: string; category: string }[]> {
  const all = ok(await p.gql(RESULTS, { p: planId }, { token: w.tokens.supervisor })).caseFileEvaluations.evaluations;
  return all.filter((e: { agency: { id: string } }) => e.agency.id === agencyId);
}

test('cross-evaluation: an evaluator of the case’s own agency is refused; another region’s bureau sees none', async () => {
  const [a1, a2] = await sampled(w.agencyA);
  const [b1] = await sampled(w.agencyB);
  const own = await p.gql(ASSIGN, { p: planId, c: a1.caseId, o: w.o2 }, { token: w.tokens.supervisor });
  expect(own.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'officerId' });
  expect(own.errors![0].message).toContain('own agency');
  expect(codeOf(await p.gql(ASSIGN, { p: planId, c: a1.caseId, o: w.b1 }, { token: w.tokens.otherSupervisor }))).toBe(
    'NOT_FOUND',
  );
  expect(codeOf(await p.gql(RESULTS, { p: planId }, { token: w.tokens.otherSupervisor }))).toBe('NOT_FOUND');
  const [row] = await sql<{ status: string; evaluator_id: string | null }>(
    p.databaseUrl,
    'select status, evaluator_id from supervision.case_file_evaluation where id = $1',
    [a1.id],
  );
  expect(row).toEqual({ status: 'SAMPLED', evaluator_id: null });

  for (const e of [a1, a2])
    expect(
      ok(await p.gql(ASSIGN, { p: planId, c: e.caseId, o: w.b1 }, { token: w.tokens.supervisor })).assignEvaluator,
    ).toMatchObject({
      status: 'ASSIGNED',
      evaluator: { id: w.b1 },
    });
  ok(await p.gql(ASSIGN, { p: planId, c: b1.caseId, o: w.o1 }, { token: w.tokens.supervisor }));
});

const CASE_FILE = `query($id: ID!) { enforcementCase: case(id: $id) {
  id caseNumber party { name idNumber } entries { activity attachments { sha256 } } } }`;
const download = (tokenOf: string, sha256: string) =>
  fetch(`${p.gatewayUrl.replace(/\/graphql$/, '')}/blobs/${sha256}`, {
    headers: { authorization: `Bearer ${tokenOf}` },
  });

test('an assigned evaluator opens the case file in records, attachments too, but no other file of that agency', async () => {
  const [a1, a2] = await sampled(w.agencyA);
  // At most one of the two is the live case; the legacy ones carry a record only agency A holds.
  const legacy = [a1, a2].find((e) => e.caseId !== liveCase)!;
  const file = ok(await p.gql(CASE_FILE, { id: legacy.caseId }, { token: evalB })).enforcementCase;
  expect(file.id).toBe(legacy.caseId);
  // The party's ID number stays with the agency and the bureau (records' canReadPartyPrivate).
  expect(file.party).toEqual({ name: expect.any(String), idNumber: null });
  const own = recordOf(file.caseNumber).sha256;
  expect(
    file.entries.flatMap((e: { attachments: { sha256: string }[] }) => e.attachments.map((a) => a.sha256)),
  ).toContain(own);
  const got = await download(evalB, own);
  expect(got.status).toBe(200);
  expect(Buffer.from(await got.arrayBuffer())).toEqual(recordOf(file.caseNumber).bytes);

  // Another archived file of A, not assigned to b1: neither the case nor its record.
  const other = archivedA.find((id) => id !== a1.caseId && id !== a2.caseId)!;
  expect(codeOf(await p.gql(CASE_FILE, { id: other }, { token: evalB }))).toBe('FORBIDDEN');
  const otherNumber = (
    await sql<{ case_number: string }>(
      p.databaseUrl,
      'select case_number from records.enforcement_case where id = $1',
      [other],
    )
  )[0].case_number;
  expect((await download(evalB, recordOf(otherNumber).sha256)).status).toBe(404);
  // B's head was not assigned: the grant is the evaluator's, not their agency's.
  expect(codeOf(await p.gql(CASE_FILE, { id: legacy.caseId }, { token: bHead }))).toBe('FORBIDDEN');
  expect((await download(bHead, own)).status).toBe(404);
  // supervision answers the grants to services only.
  const grants = await p.gql(`query($o: ID!) { evaluatorCaseGrants(officerId: $o) }`, { o: w.b1 }, { token: evalB });
  expect(grants.errors?.[0]?.message).toMatch(/Cannot query field "evaluatorCaseGrants"/);
});

test('scoring: beyond an item’s maximum is refused with nothing written; a veto makes 不合格 and a finding', async () => {
  const [a1, a2] = await sampled(w.agencyA);
  const [b1] = await sampled(w.agencyB);
  const before = await sql(p.databaseUrl, 'select * from supervision.case_file_evaluation where id = $1', [a1.id]);
  const over = await p.gql(
    SCORE,
    { i: { evaluationId: a1.id, items: scores({ LA: { points: 25 } }) } },
    { token: evalB },
  );
  expect(over.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[5].points' });
  const missing = await p.gql(SCORE, { i: { evaluationId: a1.id, items: scores().slice(1) } }, { token: evalB });
  expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items' });
  expect(await sql(p.databaseUrl, 'select * from supervision.case_file_evaluation where id = $1', [a1.id])).toEqual(
    before,
  );
  // Only the assigned evaluator scores: the case's own agency gets NOT_FOUND.
  expect(codeOf(await p.gql(SCORE, { i: { evaluationId: a1.id, items: scores() } }, { token: evalA }))).toBe(
    'NOT_FOUND',
  );

  const vetoed = ok(
    await p.gql(
      SCORE,
      {
        i: {
          evaluationId: a1.id,
          items: scores({ V3: { vetoFailed: true, comment: '罚款决定未经法制审核' } }),
          comment: '重大执法决定未经法制审核',
        },
      },
      { token: evalB },
    ),
  ).scoreCaseFile;
  expect(vetoed).toMatchObject({ status: 'SCORED', total: 100, vetoFailed: true, grade: 'FAILED' });
  expect(codeOf(await p.gql(SCORE, { i: { evaluationId: a1.id, items: scores() } }, { token: evalB }))).toBe(
    'CONFLICT',
  );
  expect(
    ok(await p.gql(SCORE, { i: { evaluationId: a2.id, items: scores({ EV: { points: 22.5 } }) } }, { token: evalB }))
      .scoreCaseFile,
  ).toMatchObject({ total: 92.5, grade: 'EXCELLENT' });
  expect(
    ok(await p.gql(SCORE, { i: { evaluationId: b1.id, items: scores({ PR: { points: 5 } }) } }, { token: evalA }))
      .scoreCaseFile,
  ).toMatchObject({ total: 75, grade: 'PASSED' });

  const agencies = ok(
    await p.gql(
      `{ agencies(region: "宁晋县") { id supervisionFindings { kind subjectId detail category } } }`,
      {},
      {
        token: w.tokens.supervisor,
      },
    ),
  ).agencies;
  const failed = agencies
    .find((a: { id: string }) => a.id === w.agencyA)
    .supervisionFindings.filter((f: { kind: string }) => f.kind === 'CASE_FILE_FAILED');
  // The sample may hold the live inspection case or a legacy penalty: the finding carries the case's own category.
  expect(failed).toEqual([expect.objectContaining({ subjectId: a1.caseId, category: a1.category })]);
  expect([liveCase, ...archivedA]).toContain(a1.caseId);
  expect(failed[0].detail).toContain('2026年度行政执法案卷评查');
  // Integrators of the agency receive the grade, never who gave it.
  const events = ok(
    await p.gql(
      `{ supervisionEvents(first: 200) { edges { node { type subjectId payloadJson } } } }`,
      {},
      { token: w.tokens.integrator },
    ),
  ).supervisionEvents.edges.map((e: { node: { type: string; subjectId: string; payloadJson: string } }) => e.node);
  const graded = events.filter((e: { type: string }) => e.type === 'CaseFileEvaluated');
  expect(graded.map((e: { subjectId: string }) => e.subjectId).sort()).toEqual([a1.id, a2.id].sort());
  const vetoedEvent = JSON.parse(graded.find((e: { subjectId: string }) => e.subjectId === a1.id).payloadJson);
  expect(vetoedEvent).toMatchObject({ caseId: a1.caseId, agencyId: w.agencyA, grade: 'FAILED', vetoFailed: true });
  expect(JSON.stringify(graded)).not.toContain(w.b1);
  // The result feeds rectification: the bureau orders the agency to correct the failed file, which the agency sees.
  const notice = ok(
    await p.gql(
      `mutation($i: IssueNoticeInput!) { issueRectificationNotice(input: $i) { id state findingKind subjectId } }`,
      {
        i: {
          agencyId: w.agencyA,
          findingKind: 'CASE_FILE_FAILED',
          subjectId: a1.caseId,
          notice: '案卷评查不合格：请于15日内整改并报送整改情况',
          dueOn: '2030-12-31',
        },
      },
      { token: w.tokens.supervisor },
    ),
  ).issueRectificationNotice;
  expect(notice).toMatchObject({ state: 'OPEN', findingKind: 'CASE_FILE_FAILED', subjectId: a1.caseId });
  const seen = ok(
    await p.gql(
      `query($id: ID!) { agency(id: $id) { rectificationNotices { id findingKind } } }`,
      { id: w.agencyA },
      {
        token: aHead,
      },
    ),
  ).agency.rectificationNotices;
  expect(seen).toContainEqual({ id: notice.id, findingKind: 'CASE_FILE_FAILED' });
  const summary = ok(
    await p.gql(
      `{ supervisionSummary(region: "宁晋县", from: "2026-01-01", to: "2027-12-31") {
        agency { id } supervision { kind count } } }`,
      {},
      { token: w.tokens.supervisor },
    ),
  ).supervisionSummary;
  expect(summary.find((s: { agency: { id: string } }) => s.agency.id === w.agencyA).supervision).toContainEqual(
    expect.objectContaining({ kind: 'CASE_FILE_FAILED', count: 1 }),
  );
});

test('results: the bureau sees all and who scored; the agency its own scores without the evaluator', async () => {
  // A scored file is final: its evaluator's access to the case ended with the score.
  const [a1] = await sampled(w.agencyA);
  expect(codeOf(await p.gql(CASE_FILE, { id: a1.caseId }, { token: evalB }))).toBe('FORBIDDEN');
  const bureau = ok(await p.gql(RESULTS, { p: planId }, { token: w.tokens.supervisor })).caseFileEvaluations;
  expect(bureau.agencies).toEqual(
    expect.arrayContaining([
      { agency: { id: w.agencyA }, evaluated: 2, average: 96.3, excellent: 1, passed: 0, failed: 1 },
      { agency: { id: w.agencyB }, evaluated: 1, average: 75, excellent: 0, passed: 1, failed: 0 },
    ]),
  );
  expect(bureau.evaluations.filter((e: { agency: { id: string } }) => e.agency.id === w.agencyA)).toEqual([
    expect.objectContaining({ evaluator: { id: w.b1 }, evaluatorAgency: { id: w.agencyB } }),
    expect.objectContaining({ evaluator: { id: w.b1 } }),
  ]);

  // Agency A's head: A's scored files with scores and comments, not who scored them; none of B's; A's candidates.
  const mine = ok(await p.gql(RESULTS, { p: planId }, { token: aHead })).caseFileEvaluations;
  expect(mine.evaluations).toHaveLength(2);
  for (const e of mine.evaluations) {
    expect(e.agency.id).toBe(w.agencyA);
    expect(e.evaluator).toBeNull();
    expect(e.evaluatorAgency).toBeNull();
  }
  expect(mine.evaluations.find((e: { grade: string }) => e.grade === 'FAILED').comment).toBe(
    '重大执法决定未经法制审核',
  );
  expect(mine.plan.candidates.map((c: { agency: { id: string } }) => c.agency.id)).toEqual([w.agencyA]);
  expect(JSON.stringify(mine)).not.toContain(w.b1);

  // B's officer sees B's scored file (anonymously) and the two A files he scored (his own name).
  const evaluator = ok(await p.gql(RESULTS, { p: planId }, { token: evalB })).caseFileEvaluations.evaluations;
  expect(evaluator.map((e: { agency: { id: string } }) => e.agency.id).sort()).toEqual(
    [w.agencyA, w.agencyA, w.agencyB].sort(),
  );
  expect(evaluator.find((e: { agency: { id: string } }) => e.agency.id === w.agencyB).evaluator).toBeNull();

  // Agency.caseFileEvaluations(year): the bureau and A see A's year; B sees nothing of A's.
  const year = (t: string) => p.gql(AGENCY_YEAR, { a: w.agencyA }, { token: t });
  expect(ok(await year(w.tokens.supervisor)).agency.caseFileEvaluations).toMatchObject({
    evaluated: 2,
    average: 96.3,
    excellent: 1,
    failed: 1,
  });
  const own = ok(await year(aHead)).agency.caseFileEvaluations;
  expect(own).toMatchObject({ evaluated: 2, average: 96.3 });
  expect(own.evaluations.map((e: { evaluator: unknown }) => e.evaluator)).toEqual([null, null]);
  expect(ok(await year(bHead)).agency.caseFileEvaluations).toMatchObject({
    evaluated: 0,
    average: null,
    evaluations: [],
  });
  expect(ok(await year(w.tokens.otherSupervisor)).agency.caseFileEvaluations.evaluated).toBe(0);
});

test('records answers archivedCases to services only, in one statement, and not through the gateway', async () => {
  const q = `query($r: String!, $a: [ID!], $f: Date!, $t: Date!) {
    archivedCases(region: $r, agencyIds: $a, from: $f, to: $t) {
    id agencyId caseNumber category archivedOn } }`;
  const v = { r: '宁晋县', a: [w.agencyB], f: '2026-01-01', t: '2026-12-31' };
  const direct = { url: p.subgraphs.records.url, headers: { [INTERNAL_SECRET_HEADER]: internalSecret() } };
  expect(codeOf(await p.gql(q, v, { ...direct, token: w.tokens.admin }))).toBe('FORBIDDEN');
  const svc = {
    ...direct,
    headers: { ...direct.headers, [SERVICE_TOKEN_HEADER]: await signServiceToken('supervision') },
  };
  const { result, statements } = await p.countSql(() => p.gql(q, v, svc));
  expect(statements).toBe(1);
  expect(ok(result).archivedCases).toEqual(
    expect.arrayContaining([
      {
        id: archivedB[0],
        agencyId: w.agencyB,
        caseNumber: '宁文旅罚〔2026〕1号',
        category: 'PENALTY',
        archivedOn: '2026-03-03',
      },
    ]),
  );
  expect(ok(result).archivedCases).toHaveLength(2);
  // The day is Shanghai's: archived 2025-12-31 10:00 +08:00 falls in 2025 only.
  const late = ok(await p.gql(q, { ...v, a: [w.agencyA], f: '2025-12-31', t: '2025-12-31' }, svc)).archivedCases;
  expect(late.map((c: { id: string }) => c.id)).toEqual([archived2025]);
  const viaGateway = await p.gql(q, v, { token: w.tokens.admin });
  expect(viaGateway.errors?.[0].message).toMatch(/Cannot query field "archivedCases"/);
});

test('Agency.caseFileEvaluations runs as many statements for five agencies as for two', async () => {
  const q = `{ agencies(region: "宁晋县") { id caseFileEvaluations(year: 2026) {
    evaluated average evaluations { caseId grade } } } }`;
  const run = async () => {
    const { result, statements } = await p.countSql(() => p.gql(q, {}, { token: w.tokens.supervisor }));
    return {
      agencies: ok(result).agencies as { id: string; caseFileEvaluations: { evaluated: number } }[],
      statements,
    };
  };
  const before = await run();
  expect(before.agencies.find((a) => a.id === w.agencyA)?.caseFileEvaluations.evaluated).toBe(2);
  for (const i of [1, 2, 3])
    ok(
      await p.gql(
        `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
        {
          i: {
            code: `NJ-EXTRA-${i}`,
            name: `宁晋县第${i}执法局`,
            kind: 'PLANNING',
            region: '宁晋县',
            legalOfficeName: '法制股',
          },
        },
        { token: w.tokens.admin },
      ),
    );
  const after = await run();
  expect(after.agencies.length).toBe(before.agencies.length + 3);
  expect(after.statements).toBe(before.statements);
});

test('caseFileEvaluationPlans { template } runs as many statements for four plans as for one', async () => {
  const q = `query { caseFileEvaluationPlans(year: 2026) { id template { id name } } }`;
  const run = async () => {
    const { result, statements } = await p.countSql(() => p.gql(q, {}, { token: w.tokens.supervisor }));
    return { plans: ok(result).caseFileEvaluationPlans as { template: { id: string } }[], statements };
  };
  const before = await run();
  for (const i of [1, 2, 3]) {
    const t = ok(
      await p.gql(TEMPLATE, { i: { name: `评查标准第${i}版`, items: ITEMS } }, { token: w.tokens.supervisor }),
    ).saveEvaluationTemplate;
    const input = { region: '宁晋县', year: 2026, title: `抽查第${i}批`, templateId: t.id, casesPerAgency: 1 };
    ok(await p.gql(PLAN, { i: input }, { token: w.tokens.supervisor }));
  }
  const after = await run();
  expect(after.plans.length).toBe(before.plans.length + 3);
  expect(new Set(after.plans.map((x) => x.template.id)).size).toBeGreaterThanOrEqual(4);
  expect(after.statements).toBe(before.statements);
});

test('supervision down: an evaluator is told so, case and attachments alike; the agency reads on', async () => {
  const caseId = archivedA[0];
  const [{ case_number: caseNumber }] = await sql<{ case_number: string }>(
    p.databaseUrl,
    'select case_number from records.enforcement_case where id = $1',
    [caseId],
  );
  await p.stopSubgraph('supervision');
  expect(codeOf(await p.gql(CASE_FILE, { id: caseId }, { token: evalB }))).toBe('DEPENDENCY_UNAVAILABLE');
  expect((await download(evalB, recordOf(caseNumber).sha256)).status).toBe(503);
  expect(ok(await p.gql(CASE_FILE, { id: caseId }, { token: w.tokens.a })).enforcementCase.id).toBe(caseId);
  expect((await download(w.tokens.a, recordOf(caseNumber).sha256)).status).toBe(200);
});
