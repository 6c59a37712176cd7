import { reportOverdueReviews } from '@tsp/review';
import {
  addCalendarDays,
  INTERNAL_SECRET_HEADER,
  internalSecret,
  SERVICE_TOKEN_HEADER,
  shanghaiDate,
  signServiceToken,
  WorkingCalendar,
} from '@tsp/shared';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform } from './kit/platform';
import {
  code,
  COMPLETE,
  lawfulPenaltyChecklist,
  openPenaltyCase,
  proposal,
  type ReviewWorld,
  setupReviewWorld,
  START,
  SUBMIT,
} from './kit/review-fixtures';

/**
 * The 重大执法决定法制审核 workflow through the gateway with real tokens, who
 * may review, checklist completeness, the decision gate's check, overdue findings and batching.
 */
let p: Platform;
let w: ReviewWorld;
let caseNo = 0;
const newCase = (handlers = [w.h1, w.h2], party: 'NATURAL_PERSON' | 'ORGANIZATION' = 'ORGANIZATION') =>
  openPenaltyCase(p, w.tokens.h1, handlers, `宁市监罚〔2026〕${++caseNo}号`, party);
const submit = async (caseId: string, extra: Record<string, unknown> = {}, t = w.tokens.h1) => {
  const r = await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal(), ...extra } }, { token: t });
  expect(r.errors).toBeUndefined();
  return r.data.submitForReview;
};
const reviewStatus = async (id: string) =>
  (await sql<{ status: string }>(p.databaseUrl, 'select status from review.legal_review where id = $1', [id]))[0]
    .status;

/** DecisionReviewCheck as records calls it: straight to the review subgraph with a service token. */
async function gateCheck(input: Record<string, unknown>) {
  const r = await p.gql(
    `query($i: DecisionReviewCheckInput!) { decisionReviewCheck(input: $i) { major reasons covered reviewId problem } }`,
    { i: input },
    {
      url: p.subgraphs.review.url,
      headers: {
        [INTERNAL_SECRET_HEADER]: internalSecret(),
        [SERVICE_TOKEN_HEADER]: await signServiceToken('records'),
      },
    },
  );
  expect(r.errors).toBeUndefined();
  return r.data.decisionReviewCheck;
}

beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
}, 180_000);
afterAll(async () => {
  await p?.stop();
});

describe('the full review workflow', () => {
  let caseId: string;
  let reviewId: string;

  test('a handler submits: SUBMITTED, the form carries cause, number, handlers and a blank PENALTY checklist; due in 5 working days', async () => {
    caseId = await newCase();
    const r = await submit(caseId);
    reviewId = r.id;
    const today = shanghaiDate();
    expect(r).toMatchObject({
      status: 'SUBMITTED',
      receivedOn: today,
      cause: '销售不符合食品安全标准的食品',
      caseNumber: `宁市监罚〔2026〕${caseNo}号`,
    });
    expect(r.dueOn).toBe(new WorkingCalendar().addWorkingDays(today, 5));
    expect(r.handlers.map((h: { id: string }) => h.id).sort()).toEqual([w.h1, w.h2].sort());
    expect(r.checklist).toHaveLength(10);
    expect(r.checklist.every((i: { answer: unknown }) => i.answer === null)).toBe(true);
  });

  test('a second submission while one is open is a CONFLICT', async () => {
    const again = await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, { token: w.tokens.h2 });
    expect(code(again)).toBe('CONFLICT');
  });

  test('the case says its decision is major, and why', async () => {
    const r = await p.gql(
      `query($id: ID!) { case(id: $id) { reviewRequirement { major reasons basedOn passedReview { id } } } }`,
      { id: caseId },
      { token: w.tokens.h1 },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.case.reviewRequirement).toMatchObject({ major: true, passedReview: null });
    expect(r.data.case.reviewRequirement.reasons.join()).toMatch(/较大数额/);
  });

  test('nobody but a qualified legal reviewer of the agency who does not handle the case may start it; refusals change nothing', async () => {
    expect(code(await p.gql(START, { id: reviewId }, { token: w.tokens.br }))).toBe('FORBIDDEN'); // other agency
    const unqualified = await p.gql(START, { id: reviewId }, { token: w.tokens.ru });
    expect(code(unqualified)).toBe('FORBIDDEN');
    expect(unqualified.errors![0].message).toMatch(/法律职业资格/);
    expect(code(await p.gql(START, { id: reviewId }, { token: w.tokens.h1 }))).toBe('FORBIDDEN'); // OFFICER role
    expect(await reviewStatus(reviewId)).toBe('SUBMITTED');
  });

  test('PASS with unanswered items is BAD_USER_INPUT naming them; PASS with all items lawful passes', async () => {
    const started = await p.gql(START, { id: reviewId }, { token: w.tokens.rq });
    expect(started.errors).toBeUndefined();
    expect(started.data.startReview).toMatchObject({ status: 'IN_REVIEW', reviewer: { id: w.rq } });

    const partial = await p.gql(
      COMPLETE,
      { i: { reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist().slice(0, 8) } },
      { token: w.tokens.rq },
    );
    expect(code(partial)).toBe('BAD_USER_INPUT');
    expect(partial.errors![0].message).toMatch(/DISCRETION_REASONABLE.*CRIME_TRANSFER|CRIME_TRANSFER/);
    expect(await reviewStatus(reviewId)).toBe('IN_REVIEW');

    const other = await p.gql(
      COMPLETE,
      { i: { reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist() } },
      { token: w.tokens.head },
    );
    expect(code(other)).toBe('FORBIDDEN'); // only the reviewer who started it

    const done = await p.gql(
      COMPLETE,
      { i: { reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist(), opinion: '经审核，同意承办机构意见' } },
      { token: w.tokens.rq },
    );
    expect(done.errors).toBeUndefined();
    expect(done.data.completeReview).toMatchObject({
      status: 'PASSED',
      reviewerOpinion: '经审核，同意承办机构意见',
      reviewerSignedOn: shanghaiDate(),
    });
  });

  test('the head of the legal office countersigns; the file is returned that day; the reviewer cannot countersign', async () => {
    const q = `mutation($i: CountersignReviewInput!) { countersignReview(input: $i) { headOpinion headSignedOn returnedOn head { id } } }`;
    expect(code(await p.gql(q, { i: { reviewId, opinion: '同意' } }, { token: w.tokens.rq }))).toBe('FORBIDDEN');
    const r = await p.gql(q, { i: { reviewId, opinion: '同意审核意见' } }, { token: w.tokens.head });
    expect(r.errors).toBeUndefined();
    expect(r.data.countersignReview).toEqual({
      headOpinion: '同意审核意见',
      headSignedOn: shanghaiDate(),
      returnedOn: shanghaiDate(),
      head: { id: w.head },
    });
  });

  test('the case resolves its reviews across subgraphs, and the decision gate sees the covering review', async () => {
    const r = await p.gql(
      `query($id: ID!) { case(id: $id) { caseNumber reviews { status reviewer { name } proposedDecision { fineAmount } } reviewRequirement { major passedReview { id } } } }`,
      { id: caseId },
      { token: w.tokens.supervisor },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.case.reviews).toEqual([
      { status: 'PASSED', reviewer: { name: '李静' }, proposedDecision: { fineAmount: '150000.00' } },
    ]);
    expect(r.data.case.reviewRequirement.passedReview).toEqual({ id: reviewId });

    const base = { caseId, agencyId: w.agencyA, category: 'PENALTY', partyType: 'ORGANIZATION', hearingHeld: false };
    expect(await gateCheck({ ...base, penaltyKinds: ['FINE'], fineAmount: '150000.00' })).toMatchObject({
      major: true,
      covered: true,
      reviewId,
    });
    const higher = await gateCheck({ ...base, penaltyKinds: ['WARNING', 'FINE'], fineAmount: '150000.01' });
    expect(higher).toMatchObject({ major: true, covered: false, reviewId: null });
    expect(higher.problem).toMatch(/150000.01/);
    const extra = await gateCheck({ ...base, penaltyKinds: ['FINE', 'LICENCE_REVOCATION'], fineAmount: '1000.00' });
    expect(extra).toMatchObject({ major: true, covered: false });
    expect(extra.problem).toMatch(/LICENCE_REVOCATION/);
    expect(await gateCheck({ ...base, penaltyKinds: ['WARNING'] })).toEqual({
      major: false,
      reasons: [],
      covered: true,
      reviewId: null,
      problem: null,
    });
    expect(
      (
        await gateCheck({
          ...base,
          caseId: '00000000-0000-4000-8000-000000000009',
          penaltyKinds: ['FINE'],
          fineAmount: '150000.00',
        })
      ).covered,
    ).toBe(false);
  });

  test('decisionReviewCheck is not reachable through the gateway, nor with a user token on the subgraph', async () => {
    const viaGateway = await p.gql(
      `{ decisionReviewCheck(input: { caseId: "x", agencyId: "y", category: PENALTY, partyType: ORGANIZATION, penaltyKinds: [], hearingHeld: false }) { major } }`,
      {},
      { token: w.tokens.admin },
    );
    expect(viaGateway.errors?.length).toBeGreaterThan(0);
    expect(viaGateway.data?.decisionReviewCheck).toBeUndefined();
  });
});

describe('who may review', () => {
  test('a handler reviewing their own case is FORBIDDEN', async () => {
    const caseId = await newCase([w.h1, w.dual]);
    const r = await submit(caseId);
    const own = await p.gql(START, { id: r.id }, { token: w.tokens.dual });
    expect(code(own)).toBe('FORBIDDEN');
    expect(own.errors![0].message).toMatch(/handler/);
    expect(await reviewStatus(r.id)).toBe('SUBMITTED');
  });

  test('personnel not answering refuses the start with DEPENDENCY_UNAVAILABLE', async () => {
    const caseId = await newCase();
    const r = await submit(caseId);
    await p.stopSubgraph('personnel');
    try {
      expect(code(await p.gql(START, { id: r.id }, { token: w.tokens.rq }))).toBe('DEPENDENCY_UNAVAILABLE');
    } finally {
      await p.restartSubgraph('personnel');
    }
    expect(await reviewStatus(r.id)).toBe('SUBMITTED');
  });
});

describe('return, resubmission, failure and coordination', () => {
  test('RETURN needs an opinion; a returned review is resubmitted as a new review linked to it', async () => {
    const caseId = await newCase();
    const first = await submit(caseId);
    await p.gql(START, { id: first.id }, { token: w.tokens.rq });
    const noOpinion = await p.gql(
      COMPLETE,
      { i: { reviewId: first.id, outcome: 'RETURN', checklist: [] } },
      { token: w.tokens.rq },
    );
    expect(code(noOpinion)).toBe('BAD_USER_INPUT');
    expect(noOpinion.errors![0].message).toMatch(/opinion/);
    const returned = await p.gql(
      COMPLETE,
      {
        i: {
          reviewId: first.id,
          outcome: 'RETURN',
          checklist: [{ code: 'FACTS_CLEAR', answer: false, comment: '缺少检验报告' }],
          opinion: '证据不充分，请补充检验报告后重新送审',
        },
      },
      { token: w.tokens.rq },
    );
    expect(returned.errors).toBeUndefined();
    expect(returned.data.completeReview.status).toBe('RETURNED');

    const second = await submit(caseId);
    const r = await p.gql(
      `query($id: ID!) { review(id: $id) { status previousReview { id status reviewerOpinion } } }`,
      { id: second.id },
      { token: w.tokens.h1 },
    );
    expect(r.data.review).toEqual({
      status: 'SUBMITTED',
      previousReview: { id: first.id, status: 'RETURNED', reviewerOpinion: '证据不充分，请补充检验报告后重新送审' },
    });
  });

  test('a handler who disagrees with FAILED escalates; the agency head records the collective decision', async () => {
    const caseId = await newCase();
    const rv = await submit(caseId);
    await p.gql(START, { id: rv.id }, { token: w.tokens.rq });
    const failed = await p.gql(
      COMPLETE,
      {
        i: {
          reviewId: rv.id,
          outcome: 'FAIL',
          checklist: [{ code: 'LAW_APPLIED_CORRECTLY', answer: false }],
          opinion: '适用法律错误',
        },
      },
      { token: w.tokens.rq },
    );
    expect(failed.data.completeReview.status).toBe('FAILED');

    const ESC = `mutation($i: EscalateReviewInput!) { escalateReview(input: $i) { status coordination { reason fromStatus escalatedBy { id } } } }`;
    expect(code(await p.gql(ESC, { i: { reviewId: rv.id, reason: '不同意' } }, { token: w.tokens.bh1 }))).toBe(
      'FORBIDDEN',
    );
    const esc = await p.gql(
      ESC,
      { i: { reviewId: rv.id, reason: '承办机构认为应适用《食品安全法》第一百二十四条' } },
      { token: w.tokens.h2 },
    );
    expect(esc.errors).toBeUndefined();
    expect(esc.data.escalateReview).toEqual({
      status: 'COORDINATION',
      coordination: {
        reason: '承办机构认为应适用《食品安全法》第一百二十四条',
        fromStatus: 'FAILED',
        escalatedBy: { id: w.h2 },
      },
    });

    const DEC = `mutation($i: CoordinationDecisionInput!) { recordCoordinationDecision(input: $i) { status coordination { decision meetingOn participants } } }`;
    const input = {
      reviewId: rv.id,
      outcome: 'PASS',
      decision: '经局长办公会集体讨论，同意按承办机构意见作出处罚决定',
      meetingOn: shanghaiDate(),
      participants: '局长、分管副局长、法制股、承办机构',
    };
    expect(code(await p.gql(DEC, { i: input }, { token: w.tokens.h1 }))).toBe('FORBIDDEN');
    const dec = await p.gql(DEC, { i: input }, { token: w.tokens.aHead });
    expect(dec.errors).toBeUndefined();
    expect(dec.data.recordCoordinationDecision).toMatchObject({
      status: 'PASSED',
      coordination: { decision: input.decision, meetingOn: input.meetingOn },
    });
    expect(code(await p.gql(ESC, { i: { reviewId: rv.id, reason: '再议' } }, { token: w.tokens.h1 }))).toBe('CONFLICT');

    const events = await sql<{ type: string }>(
      p.databaseUrl,
      `select type from review.outbox where subject_id = $1 order by position`,
      [rv.id],
    );
    expect(events.map((e) => e.type)).toEqual(['ReviewSubmitted', 'ReviewFailed', 'ReviewEscalated', 'ReviewPassed']);
  });
});

describe('supervision', () => {
  let overdueId: string;

  test("an overdue review appears in reviewFindings for the region's supervisor, not for others; ReviewOverdue is published once", async () => {
    const caseId = await newCase();
    const r = await submit(caseId, { receivedOn: addCalendarDays(shanghaiDate(), -25) });
    overdueId = r.id;
    expect(r.dueOn < shanghaiDate()).toBe(true);
    const Q = `query($a: ID!) { agency(id: $a) { name reviewFindings { kind subjectId detail agency { name } } } }`;
    const sup = await p.gql(Q, { a: w.agencyA }, { token: w.tokens.supervisor });
    expect(sup.errors).toBeUndefined();
    expect(sup.data.agency.reviewFindings).toContainEqual({
      kind: 'REVIEW_OVERDUE',
      subjectId: overdueId,
      detail: expect.stringContaining(r.dueOn),
      agency: { name: '宁晋县市场监督管理局' },
    });
    for (const t of [w.tokens.otherSupervisor, w.tokens.bh1]) {
      const other = await p.gql(Q, { a: w.agencyA }, { token: t });
      expect(other.data.agency.reviewFindings).toEqual([]);
    }
    expect((await p.gql(Q, { a: w.agencyA })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await reportOverdueReviews(p.subgraphs.review.orm);
    await reportOverdueReviews(p.subgraphs.review.orm);
    const events = await sql(
      p.databaseUrl,
      `select 1 from review.outbox where subject_id = $1 and type = 'ReviewOverdue'`,
      [overdueId],
    );
    expect(events).toHaveLength(1);
    const list = await p.gql(
      `{ reviews(filter: { overdue: true }) { edges { node { id overdue } } } }`,
      {},
      { token: w.tokens.supervisor },
    );
    expect(list.data.reviews.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(overdueId);
  });

  test('a legacy major decision without review becomes MAJOR_DECISION_WITHOUT_REVIEW', async () => {
    const r = await p.gql(
      `mutation($i: ImportLegacyCaseInput!) { importLegacyCase(input: $i) { id } }`,
      {
        i: {
          agencyId: w.agencyA,
          caseNumber: '宁市监罚〔2025〕88号',
          category: 'PENALTY',
          cause: '无证经营',
          party: { type: 'ORGANIZATION', name: '宁晋县某餐饮店' },
          handlerIds: [w.h1, w.h2],
          filedAt: '2025-06-01T09:00:00+08:00',
          entries: [],
          decision: {
            outcome: '处罚',
            penaltyKinds: ['LICENCE_REVOCATION'],
            legalBasis: '《食品安全法》第一百二十二条',
            facts: '无证经营',
            conclusion: '吊销食品经营许可证',
            decidedOn: '2025-07-01',
            officerIds: [w.h1, w.h2],
          },
        },
      },
      { token: w.tokens.admin },
    );
    expect(r.errors).toBeUndefined();
    const legacyId = r.data.importLegacyCase.id;
    const Q = `query($a: ID!) { agency(id: $a) { reviewFindings { kind subjectId detail since } } }`;
    let found: { kind: string; subjectId: string; detail: string; since: string }[] = [];
    for (let i = 0; i < 50 && !found.some((f) => f.subjectId === legacyId); i++) {
      await new Promise((res) => setTimeout(res, 200));
      found = (await p.gql(Q, { a: w.agencyA }, { token: w.tokens.supervisor })).data.agency.reviewFindings;
    }
    expect(found).toContainEqual({
      kind: 'MAJOR_DECISION_WITHOUT_REVIEW',
      subjectId: legacyId,
      detail: expect.stringContaining('吊销'),
      since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // Dated when review first saw the decision: the summary counts it on that day (in Asia/Shanghai).
    const since = Date.parse(found.find((f) => f.subjectId === legacyId)!.since);
    const day = new Date(since + 8 * 3600_000).toISOString().slice(0, 10);
    const summary = await p.gql(
      `query($r: String!, $d: Date!) { supervisionSummary(region: $r, from: $d, to: $d) { agencyId review { kind } } }`,
      { r: '宁晋县', d: day },
      { token: w.tokens.supervisor },
    );
    expect(summary.errors).toBeUndefined();
    const mine = summary.data.supervisionSummary.find((s: { agencyId: string }) => s.agencyId === w.agencyA);
    expect(mine.review).toContainEqual({ kind: 'MAJOR_DECISION_WITHOUT_REVIEW' });
  });

  test('SQL statements for a reviews list do not grow with its length', async () => {
    // Six reviews of the same shape, newest first, so both pages hold the same kinds of data.
    for (let i = 0; i < 6; i++) await submit(await newCase());
    const Q = `query($n: Int!) { reviews(first: $n) { edges { node { id status caseNumber overdue agency { name } case { caseNumber } handlers { name } reviewer { name }
      checklist { code } proposedDecision { fineAmount } previousReview { id } } } } }`;
    const supervisor = w.tokens.supervisor;
    // Background workers (event consumers, webhook delivery, scans) also run SQL in this process: the least of five runs is the request's own count.
    const measure = async (n: number) => {
      let best: { result: GqlResult; statements: number } | undefined;
      for (let i = 0; i < 5; i++) {
        const m = await p.countSql(() => p.gql(Q, { n }, { token: supervisor }));
        if (!best || m.statements < best.statements) best = m;
      }
      return best!;
    };
    const few = await measure(2);
    const many = await measure(6);
    expect(few.result.errors).toBeUndefined();
    expect(many.result.errors).toBeUndefined();
    expect(few.result.data.reviews.edges).toHaveLength(2);
    expect(many.result.data.reviews.edges).toHaveLength(6);
    // Three times the rows, no more statements (an N+1 would add at least one per extra row).
    expect(many.statements).toBeLessThanOrEqual(few.statements);
    expect(few.statements).toBeGreaterThan(0);
  });

  test("an officer lists only their agency's reviews; the public none", async () => {
    const own = await p.gql(
      `{ reviews(first: 200) { edges { node { agency { id } } } } }`,
      {},
      { token: w.tokens.bh1 },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.reviews.edges).toEqual([]);
    expect(code(await p.gql(`{ reviews { edges { node { id } } } }`))).toBe('UNAUTHENTICATED');
    expect(
      code(await p.gql(`query($id: ID!) { review(id: $id) { id } }`, { id: overdueId }, { token: w.tokens.bh1 })),
    ).toBe('FORBIDDEN');
  });
});
