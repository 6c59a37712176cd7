import { INTERNAL_SECRET_HEADER, internalSecret, Role, SERVICE_TOKEN_HEADER, signServiceToken } from '@tsp/shared';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import {
  code,
  COMPLETE,
  lawfulPenaltyChecklist,
  openPenaltyCase,
  proposal,
  type ReviewWorld,
  setupReviewWorld,
  START,
} from './kit/review-fixtures';

/**
 * 裁量基准 A proposal names the discretion benchmark it applies (国办发〔2022〕27号): review checks it against the benchmark
 * disclosure publishes, pre-answers the checklist's discretion item, refuses a PASS of a departure without a reason,
 * and tells records' decision gate which PASSED review covered a departure.
 */
let p: Platform;
let w: ReviewWorld;
let bench: string, otherBench: string;
let caseNo = 0;
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};
const newCase = () => openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], `宁市监罚〔2026〕D${++caseNo}号`);

const SUBMIT = `mutation($i: SubmitForReviewInput!) { submitForReview(input: $i) { id status
  checklist { code answer comment }
  discretionCheck { benchmarkId benchmarkVersion violation tier minFine maxFine circumstances
    departures { code why } exemption departureReason } } }`;
const submit = (caseId: string, discretion: Record<string, unknown> | null, fine = '150000.00') =>
  p.gql(SUBMIT, { i: { caseId, proposedDecision: { ...proposal(fine), discretion } } }, { token: w.tokens.h1 });
const item = (r: { checklist: { code: string; answer: boolean | null; comment: string | null }[] }) =>
  r.checklist.find((a) => a.code === 'DISCRETION_REASONABLE')!;
const complete = (reviewId: string, outcome = 'PASS', opinion: string | null = null) =>
  p.gql(COMPLETE, { i: { reviewId, outcome, checklist: lawfulPenaltyChecklist(), opinion } }, { token: w.tokens.rq });
const startAs = async (reviewId: string) => ok(await p.gql(START, { id: reviewId }, { token: w.tokens.rq }));
const reviewsOf = async (caseId: string) =>
  (
    await sql<{ status: string }>(p.databaseUrl, 'select status from review.legal_review where case_id = $1', [caseId])
  ).map((r) => r.status);

async function gateCheck(
  caseId: string,
  discretion: { benchmarkId: string; tier: string; departures?: string[] } | null,
) {
  const r = await p.gql(
    `query($i: DecisionReviewCheckInput!) { decisionReviewCheck(input: $i) { covered reviewId departureReviewId } }`,
    {
      i: {
        caseId,
        agencyId: w.agencyA,
        category: 'PENALTY',
        partyType: 'ORGANIZATION',
        hearingHeld: false,
        penaltyKinds: ['WARNING', 'FINE'],
        fineAmount: '150000.00',
        discretion,
      },
    },
    {
      url: p.subgraphs.review.url,
      headers: {
        [INTERNAL_SECRET_HEADER]: internalSecret(),
        [SERVICE_TOKEN_HEADER]: await signServiceToken('records'),
      },
    },
  );
  return ok(r).decisionReviewCheck;
}

async function publishBenchmark(headToken: string, agencyId: string): Promise<string> {
  const itemId = ok(
    await p.gql(
      `mutation($a: ID!, $i: EnforcementItemInput!) { upsertEnforcementItem(agencyId: $a, input: $i) { id } }`,
      {
        a: agencyId,
        i: {
          name: '对销售不符合食品安全标准的食品的处罚',
          category: 'PENALTY',
          legalBasis: '依据',
          responsibleBody: '执法科',
        },
      },
      { token: headToken },
    ),
  ).upsertEnforcementItem.id;
  return ok(
    await p.gql(
      `mutation($a: ID!, $i: DiscretionBenchmarkInput!) { upsertDiscretionBenchmark(agencyId: $a, input: $i) { id } }`,
      {
        a: agencyId,
        i: {
          enforcementItemId: itemId,
          violation: '销售不符合食品安全标准的食品',
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
          tiers: [
            { tier: 'LENIENT', circumstances: '主动消除或者减轻违法行为危害后果', minFine: '50000', maxFine: '100000' },
            { tier: 'ORDINARY', circumstances: '一般情形', minFine: '100000.01', maxFine: '200000' },
          ],
          minorExemption: null,
          firstViolationExemption: null,
        },
      },
      { token: headToken },
    ),
  ).upsertDiscretionBenchmark.id;
}

beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
  bench = await publishBenchmark(w.tokens.aHead, w.agencyA);
  otherBench = await publishBenchmark(
    await token({ role: Role.AGENCY_HEAD, sub: 'head-b', agencyId: w.agencyB }),
    w.agencyB,
  );
}, 180_000);
afterAll(async () => {
  await p?.stop();
});

test('within the benchmark: the item is pre-answered 是 naming tier and range, and the reviewer may PASS', async () => {
  const caseId = await newCase();
  const r = ok(
    await submit(caseId, { benchmarkId: bench, tier: 'ORDINARY', circumstances: ['HARM_MINOR'] }),
  ).submitForReview;
  expect(r.discretionCheck).toEqual({
    benchmarkId: bench,
    benchmarkVersion: 1,
    violation: '销售不符合食品安全标准的食品',
    tier: 'ORDINARY',
    minFine: '100000.01',
    maxFine: '200000.00',
    circumstances: ['HARM_MINOR'],
    departures: [],
    exemption: null,
    departureReason: null,
  });
  expect(item(r).answer).toBe(true);
  expect(item(r).comment).toMatch(/ORDINARY.*100000\.01–200000\.00/);
  expect(r.checklist.filter((a: { answer: unknown }) => a.answer !== null)).toHaveLength(1);
  await startAs(r.id);
  const done = ok(await complete(r.id)).completeReview;
  expect(done.status).toBe('PASSED');
  expect(item(done).comment).toMatch(/ORDINARY.*审核人 \/ reviewer: 符合/);
  // A review within the benchmark reviewed no departure, so it covers none.
  expect((await gateCheck(caseId, { benchmarkId: bench, tier: 'ORDINARY' })).departureReviewId).toBeNull();
});

test('a departure without a reason is pre-answered 否 and cannot PASS; resubmitted with a reason it can', async () => {
  const caseId = await newCase();
  const r = ok(await submit(caseId, { benchmarkId: bench, tier: 'LENIENT' })).submitForReview;
  expect(r.discretionCheck.departures.map((d: { code: string }) => d.code)).toEqual(['FINE_OUTSIDE_TIER']);
  expect(item(r).answer).toBe(false);
  expect(item(r).comment).toMatch(/FINE_OUTSIDE_TIER/);
  await startAs(r.id);
  const pass = await complete(r.id);
  expect(code(pass)).toBe('BAD_USER_INPUT');
  expect(pass.errors![0].message).toMatch(/DISCRETION_REASONABLE/);
  expect(await reviewsOf(caseId)).toEqual(['IN_REVIEW']);

  expect(ok(await complete(r.id, 'RETURN', '罚款超出从轻阶次幅度，请说明理由')).completeReview.status).toBe('RETURNED');
  const again = ok(
    await submit(caseId, {
      benchmarkId: bench,
      tier: 'LENIENT',
      departureReason: '当事人在案发后转移涉案食品，危害后果扩大',
    }),
  ).submitForReview;
  expect(again.discretionCheck.departureReason).toMatch(/转移涉案食品/);
  expect(item(again)).toMatchObject({ answer: null });
  expect(item(again).comment).toMatch(/FINE_OUTSIDE_TIER.*转移涉案食品/);
  await startAs(again.id);
  const passed = ok(await complete(again.id)).completeReview;
  expect(passed.status).toBe('PASSED');
  expect(item(passed)).toMatchObject({ answer: true });

  const shown = ok(
    await p.gql(
      `query($id: ID!) { review(id: $id) { discretionCheck { tier departures { code why } departureReason } } }`,
      { id: again.id },
      { token: w.tokens.supervisor },
    ),
  ).review.discretionCheck;
  expect(shown.tier).toBe('LENIENT');
  expect(shown.departures).toEqual([{ code: 'FINE_OUTSIDE_TIER', why: expect.stringMatching(/150000\.00.*100000/) }]);

  // records' decision gate: the passed review covers a departure from the same benchmark and tier, not another tier.
  expect(await gateCheck(caseId, { benchmarkId: bench, tier: 'LENIENT' })).toMatchObject({
    covered: true,
    departureReviewId: again.id,
  });
  expect((await gateCheck(caseId, { benchmarkId: bench, tier: 'ORDINARY' })).departureReviewId).toBeNull();
  expect((await gateCheck(caseId, null)).departureReviewId).toBeNull();
  // Nor a decision that departs in a way the review did not see (a penalty where §33 exempts the party).
  const more = ['FINE_OUTSIDE_TIER', 'PENALTY_WHERE_EXEMPT'];
  expect(
    (await gateCheck(caseId, { benchmarkId: bench, tier: 'LENIENT', departures: more })).departureReviewId,
  ).toBeNull();
});

test("another agency's, an unknown or a malformed benchmark, or a tier it lacks, is BAD_USER_INPUT and writes nothing", async () => {
  const caseId = await newCase();
  for (const [benchmarkId, tier, why] of [
    [otherBench, 'LENIENT', /another agency/],
    ['7c9e6679-7425-40de-944b-e07fc1f90ae7', 'LENIENT', /no such/],
    ['not-an-id', 'LENIENT', /no such/],
    [bench, 'HEAVIER', /no HEAVIER tier/],
  ] as const) {
    const r = await submit(caseId, { benchmarkId, tier });
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(why);
  }
  expect(await reviewsOf(caseId)).toEqual([]);
});

test('a retired benchmark is BAD_USER_INPUT', async () => {
  const retired = await publishBenchmark(w.tokens.aHead, w.agencyA);
  ok(
    await p.gql(
      `mutation($id: ID!) { retireListEntry(id: $id, reason: "裁量基准修订，旧版废止") }`,
      { id: retired },
      {
        token: w.tokens.aHead,
      },
    ),
  );
  const caseId = await newCase();
  const r = await submit(caseId, { benchmarkId: retired, tier: 'ORDINARY' });
  expect(code(r)).toBe('BAD_USER_INPUT');
  expect(r.errors![0].message).toMatch(/retired/);
  expect(await reviewsOf(caseId)).toEqual([]);
});

test('disclosure not answering refuses the submission with DEPENDENCY_UNAVAILABLE and writes nothing', async () => {
  const caseId = await newCase();
  await p.stopSubgraph('disclosure');
  try {
    expect(code(await submit(caseId, { benchmarkId: bench, tier: 'ORDINARY' }))).toBe('DEPENDENCY_UNAVAILABLE');
  } finally {
    await p.restartSubgraph('disclosure');
  }
  expect(await reviewsOf(caseId)).toEqual([]);
  // Without a benchmark named, disclosure is not asked.
  expect(ok(await submit(caseId, null)).submitForReview.discretionCheck).toBeNull();
});
