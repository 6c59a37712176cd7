import { type Platform, startPlatform } from './kit/platform';
import {
  COMPLETE,
  lawfulPenaltyChecklist,
  openPenaltyCase,
  proposal,
  type ReviewWorld,
  setupReviewWorld,
  START,
  SUBMIT,
} from './kit/review-fixtures';

/** One case query resolves across records, personnel and review, batched. */
let p: Platform;
let w: ReviewWorld;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
}, 120_000);
afterAll(() => p?.stop());

const Q = `query($id: ID!) { case(id: $id) { agency { name } handlers { name credentials { status } } reviews { status reviewer { name } } reviewRequirement { major reasons } } }`;

test('case → agency, handlers with credentials, reviews with reviewer, review requirement', async () => {
  const caseId = await openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], '宁市监罚〔2026〕联1号');
  const submitted = await p.gql(
    SUBMIT,
    { i: { caseId, proposedDecision: proposal('150000.00') } },
    { token: w.tokens.h1 },
  );
  const reviewId = submitted.data.submitForReview.id;
  await p.gql(START, { id: reviewId }, { token: w.tokens.rq });
  expect(
    (
      await p.gql(
        COMPLETE,
        { i: { reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist() } },
        { token: w.tokens.rq },
      )
    ).errors,
  ).toBeUndefined();

  const { result: r, statements } = await p.countSql(() => p.gql(Q, { id: caseId }, { token: w.tokens.supervisor }));
  expect(r.errors).toBeUndefined();
  expect(r.data.case.agency.name).toEqual(expect.any(String));
  expect(r.data.case.handlers).toHaveLength(2);
  for (const h of r.data.case.handlers)
    expect(h.credentials.map((c: { status: string }) => c.status)).toContain('VALID');
  expect(r.data.case.reviews).toEqual([{ status: 'PASSED', reviewer: { name: expect.any(String) } }]);
  expect(r.data.case.reviewRequirement.major).toBe(true);
  expect(r.data.case.reviewRequirement.reasons.length).toBeGreaterThan(0);
  // One statement per kind of read across the three subgraphs, not one per handler or review.
  expect(statements).toBeGreaterThan(0);
  expect(statements).toBeLessThanOrEqual(12);

  // Another agency's officer gets nothing of it by this path.
  expect((await p.gql(Q, { id: caseId }, { token: w.tokens.bh1 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
