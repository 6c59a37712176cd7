import { seedCases, type SeededCases } from '@tsp/scripts/seed/cases';
import { seedChallenges, type SeededChallenges } from '@tsp/scripts/seed/challenges';
import { seedComplaints, type SeededComplaints } from '@tsp/scripts/seed/complaints';
import { seedDisclosure } from '@tsp/scripts/seed/disclosure';
import { type SeededEvaluation, seedEvaluation } from '@tsp/scripts/seed/evaluation';
import { seedLegacyDecisions } from '@tsp/scripts/seed/findings';
import { blobUploader, gqlClient } from '@tsp/scripts/seed/index';
import { type SeededInstruments, seedInstruments } from '@tsp/scripts/seed/instruments';
import { type SeededPersonnel, seedPersonnel } from '@tsp/scripts/seed/personnel';
import { addCalendarDays, Role, shanghaiDate } from '@tsp/shared';

import { type Platform, startPlatform, token } from './kit/platform';
import { pollUntil } from './kit/until';

/**
 * The justice bureau's demo (complaints, decision challenges, case-file evaluation) seeded through the API on top of
 * the steps it needs (personnel, disclosure, cases, legacy decisions), at the default complaint rate limit, as the
 * launcher runs it: the supervisor sees COMPLAINT_REOPENED, DECISION_OVERTURNED and CASE_FILE_FAILED, a seeded
 * receipt code follows its complaint, and the year's statistics count it all.
 */
let p: Platform;
let personnel: SeededPersonnel;
let cases: SeededCases;
let complaints: SeededComplaints;
let challenges: SeededChallenges;
let evaluation: SeededEvaluation;
let instruments: SeededInstruments;
let sup: string;
const today = shanghaiDate();

beforeAll(async () => {
  p = await startPlatform();
  const as = gqlClient(p.gatewayUrl);
  personnel = await seedPersonnel((q, v) => as({ role: Role.ADMIN, sub: 'seed-admin' }, q, v), today);
  const { benchmarks } = await seedDisclosure(as, personnel.agencies);
  cases = await seedCases(as, personnel, blobUploader(p.gatewayUrl), today, benchmarks);
  await seedLegacyDecisions(as, personnel, today);
  // With Idempotency-Keys, as the launcher runs them.
  complaints = await seedComplaints(gqlClient(p.gatewayUrl, 'test-seed:complaints'), personnel, today);
  challenges = await seedChallenges(gqlClient(p.gatewayUrl, 'test-seed:challenges'), personnel, cases, today);
  evaluation = await seedEvaluation(gqlClient(p.gatewayUrl, 'test-seed:evaluation'), personnel, today);
  instruments = await seedInstruments(gqlClient(p.gatewayUrl, 'test-seed:instruments'), personnel);
  sup = await token({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
}, 300_000);
afterAll(async () => {
  await p?.stop();
});

const byKey = (key: string) => complaints.complaints.find((c) => c.key === key)!;

test('three public complaints within the default rate limit; run again with the same keys, nothing is doubled', async () => {
  expect(complaints.complaints.map((c) => `${c.key}:${c.status}`)).toEqual([
    'report:CLOSED',
    'reopened:ASSIGNED',
    'rejected:REJECTED',
  ]);
  for (const c of complaints.complaints) expect(c.receiptCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
  // A resumed seed replays its submissions (not counted again, so not RATE_LIMITED); the code is shown once only.
  const again = await seedComplaints(gqlClient(p.gatewayUrl, 'test-seed:complaints'), personnel, today);
  expect(again.complaints.map((c) => [c.key, c.id, c.status, c.receiptCode])).toEqual(
    complaints.complaints.map((c) => [c.key, c.id, c.status, null]),
  );
  const list = await p.gql(
    `{ complaints(first: 50) { edges { node { id kind anonymous status } } } }`,
    {},
    { token: sup },
  );
  expect(list.errors).toBeUndefined();
  expect(list.data.complaints.edges).toHaveLength(3);
  expect(list.data.complaints.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
    complaints.complaints.map((c) => c.id).sort(),
  );
  const report = list.data.complaints.edges.find((e: { node: { id: string } }) => e.node.id === byKey('report').id);
  expect(report.node).toMatchObject({ kind: 'REPORT', anonymous: true });
  // The reopened complaint is due after the shortest period the bureau may set: one working day.
  const reopened = await p.gql(
    `query($id: ID!) { complaint(id: $id) { dueOn reopenCount reopenReason } }`,
    { id: byKey('reopened').id },
    { token: sup },
  );
  expect(reopened.data.complaint).toMatchObject({
    reopenCount: 1,
    reopenReason: expect.stringContaining('执法记录仪'),
  });
  expect(reopened.data.complaint.dueOn > today).toBe(true);
}, 120_000);

test('a seeded receipt code follows its complaint without a token: the answer, the conclusion, the reason', async () => {
  const PROGRESS = `query($c: String!) { complaintByReceipt(code: $c) {
    kind status agency { id } answer conclusion upheld rejectionReason } }`;
  const report = await p.gql(PROGRESS, { c: byKey('report').receiptCode });
  expect(report.errors).toBeUndefined();
  expect(report.data.complaintByReceipt).toMatchObject({
    kind: 'REPORT',
    status: 'CLOSED',
    agency: { id: personnel.agencies.cultureTourism.id },
    upheld: true,
    answer: expect.stringContaining('立案查处'),
    conclusion: expect.stringContaining('举报属实'),
  });
  const rejected = (await p.gql(PROGRESS, { c: byKey('rejected').receiptCode })).data.complaintByReceipt;
  expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: expect.stringContaining('行政诉讼') });
});

test('the supervisor sees COMPLAINT_REOPENED, DECISION_OVERTURNED and CASE_FILE_FAILED at the right agencies', async () => {
  const r = await p.gql(
    `{ agencies(region: "宁晋县") { id supervisionFindings { kind subjectId } recordFindings { kind subjectId } } }`,
    {},
    { token: sup },
  );
  expect(r.errors).toBeUndefined();
  type Finding = { kind: string; subjectId: string };
  const of = (key: keyof SeededPersonnel['agencies']) =>
    r.data.agencies.find((a: { id: string }) => a.id === personnel.agencies[key].id) as {
      supervisionFindings: Finding[];
      recordFindings: Finding[];
    };
  const kinds = (fs: Finding[], kind: string) => fs.filter((f) => f.kind === kind).map((f) => f.subjectId);

  expect(kinds(of('planning').supervisionFindings, 'COMPLAINT_REOPENED')).toEqual([byKey('reopened').id]);

  const revoked = challenges.challenges.find((c) => c.outcome === 'REVOKED')!;
  expect(revoked.caseNumber).toMatch(/66号$/);
  expect(kinds(of('cultureTourism').recordFindings, 'DECISION_OVERTURNED')).toEqual([revoked.caseId]);
  // The upheld reconsideration and the pending lawsuit overturn nothing.
  for (const key of ['planning', 'marketRegulation', 'township', 'justice'] as const)
    expect(kinds(of(key).recordFindings, 'DECISION_OVERTURNED')).toEqual([]);
  expect(challenges.challenges.map((c) => `${c.kind}:${c.outcome}`)).toEqual([
    'RECONSIDERATION:UPHELD',
    'LITIGATION:PENDING',
    'RECONSIDERATION:REVOKED',
  ]);

  const failed = evaluation.evaluations.filter((e) => e.grade === 'FAILED');
  expect(failed).toHaveLength(1);
  const failedCase = cases.cases.find((c) => c.caseNumber === failed[0].caseNumber)!;
  const all = r.data.agencies.flatMap((a: { supervisionFindings: Finding[] }) =>
    kinds(a.supervisionFindings, 'CASE_FILE_FAILED'),
  );
  expect(all).toEqual([failedCase.id]);
  expect(kinds(of(failedCase.agencyKey).supervisionFindings, 'CASE_FILE_FAILED')).toEqual([failedCase.id]);
  // The file failed is culture and tourism's licensing case (case number order fixes which file gets which grade).
  expect(failedCase).toMatchObject({ agencyKey: 'cultureTourism', category: 'LICENSING' });

  // The same counts the launcher's demo test expects of supervisionSummary.
  const summary = await p.gql(
    `query($f: Date!, $t: Date!) { supervisionSummary(region: "宁晋县", from: $f, to: $t) { agency { id }
      records { kind category count } supervision { kind category count } } }`,
    { f: addCalendarDays(today, -30), t: today },
    { token: sup },
  );
  expect(summary.errors).toBeUndefined();
  const counts = (key: keyof SeededPersonnel['agencies']) =>
    summary.data.supervisionSummary.find((x: { agency: { id: string } }) => x.agency.id === personnel.agencies[key].id);
  expect(counts('planning').supervision).toEqual([{ kind: 'COMPLAINT_REOPENED', category: null, count: 1 }]);
  expect(counts('cultureTourism').supervision).toEqual([{ kind: 'CASE_FILE_FAILED', category: 'LICENSING', count: 1 }]);
  expect(counts('cultureTourism').records).toContainEqual({
    kind: 'DECISION_OVERTURNED',
    category: 'PENALTY',
    count: 1,
  });
});

test('the evaluation: every archived file drawn, cross-assigned, one of each grade and one unscored', async () => {
  expect(evaluation.evaluations.map((e) => e.grade)).toEqual(['EXCELLENT', 'FAILED', 'PASSED', null]);
  expect(evaluation.evaluations.map((e) => e.caseNumber).sort()).toEqual(
    cases.cases
      .filter((c) => c.stage === 'ARCHIVED')
      .map((c) => c.caseNumber)
      .sort(),
  );
  const r = await p.gql(
    `query($p: ID!) { caseFileEvaluations(planId: $p) { evaluations { status agency { id } evaluatorAgency { id } }
      agencies { agency { id } evaluated failed } } }`,
    { p: evaluation.planId },
    { token: sup },
  );
  expect(r.errors).toBeUndefined();
  const evs = r.data.caseFileEvaluations.evaluations as {
    status: string;
    agency: { id: string };
    evaluatorAgency: { id: string };
  }[];
  expect(evs.map((e) => e.status).sort()).toEqual(['ASSIGNED', 'SCORED', 'SCORED', 'SCORED']);
  for (const e of evs) expect(e.evaluatorAgency.id).not.toBe(e.agency.id);
});

test('enforcementStatistics answers for 宁晋县 with the demo: cases, complaints, challenges', async () => {
  const STATS = `query($y: Int!) { enforcementStatistics(region: "宁晋县", year: $y) {
    agencies { agencyName } totals { casesFiled decisions complaintsReceived complaintsClosed decisionsChallenged
    decisionsOverturned } rates { complaintsClosedPercent } } }`;
  const year = Number(today.slice(0, 4));
  const r = await p.gql(STATS, { y: year }, { token: sup });
  expect(r.errors).toBeUndefined();
  const s = r.data.enforcementStatistics;
  expect(s.agencies).toHaveLength(5);
  expect(s.totals.casesFiled).toBeGreaterThanOrEqual(cases.cases.length);
  expect(s.totals.decisions).toBeGreaterThan(0);
  // Accepted: the report and the reopened complaint (the rejected one was never accepted); closed: the report.
  expect(s.totals).toMatchObject({ complaintsReceived: 2, complaintsClosed: 1 });
  expect(s.rates.complaintsClosedPercent).toBe(50);
  // Counted in the month the outcome was decided: the upheld one today, the revoked one 10 days ago.
  const revokedThisYear = addCalendarDays(today, -10).startsWith(String(year));
  expect(s.totals.decisionsChallenged).toBe(revokedThisYear ? 2 : 1);
  expect(s.totals.decisionsOverturned).toBe(revokedThisYear ? 1 : 0);
});

test('the challenge and evaluation steps run again with the same keys answer as before, nothing doubled', async () => {
  expect(await seedChallenges(gqlClient(p.gatewayUrl, 'test-seed:challenges'), personnel, cases, today)).toEqual(
    challenges,
  );
  expect(await seedEvaluation(gqlClient(p.gatewayUrl, 'test-seed:evaluation'), personnel, today)).toEqual(evaluation);
  const plans = await p.gql(
    `query($y: Int!) { caseFileEvaluationPlans(year: $y) { id } }`,
    {
      y: evaluation.year,
    },
    { token: sup },
  );
  expect(plans.data.caseFileEvaluationPlans).toEqual([{ id: evaluation.planId }]);
});

test('an opinion closed, a decision open and not yet due, a public notice; run again, nothing doubled', async () => {
  expect(instruments.instruments.map((i) => `${i.key}:${i.status}`)).toEqual(['opinion:CLOSED', 'decision:ISSUED']);
  for (const i of instruments.instruments) expect(i.dueOn > today).toBe(true);
  expect(await seedInstruments(gqlClient(p.gatewayUrl, 'test-seed:instruments'), personnel)).toEqual(instruments);
  const list = await p.gql(
    `{ supervisionInstruments(first: 50) { edges { node { id status } } } }`,
    {},
    { token: sup },
  );
  expect(list.errors).toBeUndefined();
  expect(list.data.supervisionInstruments.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
    instruments.instruments.map((i) => i.id).sort(),
  );
  // Disclosure publishes the notice from supervision's event: wait until the public list shows it.
  const publicNotices = async () =>
    (await p.gql(`{ supervisionNotices(region: "宁晋县") { edges { node { id kind } } } }`)).data?.supervisionNotices
      .edges;
  expect(await pollUntil(publicNotices, (edges) => edges?.length > 0)).toEqual([
    { node: { id: instruments.noticeId, kind: 'COMMENDATION' } },
  ]);
  const register = await p.gql(
    `{ supervisionNoticeRecords(region: "宁晋县") { edges { node { id body } } } }`,
    {},
    {
      token: sup,
    },
  );
  expect(register.data.supervisionNoticeRecords.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
    instruments.noticeId,
  ]);
});
