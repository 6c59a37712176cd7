import { REVIEW_EVENT_TYPES, ReviewEventPayloadSchema, type ReviewEventType } from '@tsp/shared';

import { sql } from './kit/db';
import { type Platform, startPlatform } from './kit/platform';
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
 * The durable review event log (`reviewEvents(after, first)`), resumable
 * by opaque cursor and scoped by the token.
 */
let p: Platform;
let w: ReviewWorld;
let n = 0;

const PAGE = `query($after: String, $first: Int, $agencyId: ID) { reviewEvents(after: $after, first: $first, agencyId: $agencyId) {
  edges { cursor node { id type position cursor caseNumber status agency { id name } review { id status case { caseNumber } } } }
  pageInfo { hasNextPage endCursor } } }`;

type Edge = {
  cursor: string;
  node: {
    id: string;
    type: string;
    position: number;
    caseNumber: string;
    agency: { id: string; name: string };
    review: { id: string; case: { caseNumber: string } };
  };
};

async function submitIn(agency: 'A' | 'B') {
  const [t, handlers] = agency === 'A' ? [w.tokens.h1, [w.h1, w.h2]] : [w.tokens.bh1, [w.bh1, w.bh2]];
  const caseId = await openPenaltyCase(p, t, handlers, `${agency === 'A' ? '宁市监罚' : '宁文旅罚'}〔2026〕${++n}号`);
  const r = await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, { token: t });
  expect(r.errors).toBeUndefined();
  return r.data.submitForReview.id as string;
}

async function page(tok: string | undefined, vars: Record<string, unknown>) {
  const r = await p.gql(PAGE, vars, { token: tok });
  expect(r.errors).toBeUndefined();
  return r.data.reviewEvents as { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Reads the whole log in pages of `size`, following endCursor. */
async function readAll(tok: string, size: number, after: string | null = null): Promise<Edge[]> {
  const out: Edge[] = [];
  for (;;) {
    const pg = await page(tok, { after, first: size });
    out.push(...pg.edges);
    after = pg.pageInfo.endCursor;
    if (!pg.pageInfo.hasNextPage) return out;
  }
}

beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
  // Interleave the two agencies, and take one of A's reviews to PASSED.
  const a1 = await submitIn('A');
  await submitIn('B');
  await submitIn('A');
  await submitIn('B');
  await p.gql(START, { id: a1 }, { token: w.tokens.rq });
  const passed = await p.gql(
    COMPLETE,
    { i: { reviewId: a1, outcome: 'PASS', checklist: lawfulPenaltyChecklist() } },
    { token: w.tokens.rq },
  );
  expect(passed.errors).toBeUndefined();
  await submitIn('A');
}, 180_000);
afterAll(async () => {
  await p?.stop();
});

test("an integrator scoped to agency A reads A's events in order, with federated fields, and never B's", async () => {
  const all = await readAll(w.tokens.integratorA, 200);
  expect(all.map((e) => e.node.type)).toEqual([
    'ReviewSubmitted',
    'ReviewSubmitted',
    'ReviewPassed',
    'ReviewSubmitted',
  ]);
  expect(all.every((e) => e.node.agency.id === w.agencyA && e.node.agency.name === '宁晋县市场监督管理局')).toBe(true);
  expect(all.every((e) => e.node.review.case.caseNumber === e.node.caseNumber)).toBe(true);
  const positions = all.map((e) => e.node.position);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // Asking for B explicitly gives nothing either.
  expect((await page(w.tokens.integratorA, { agencyId: w.agencyB })).edges).toEqual([]);
});

test('paging resumes exactly after a cursor: small pages equal one big page, no duplicate, no hole', async () => {
  const big = await readAll(w.tokens.supervisor, 200);
  expect(big).toHaveLength(6); // five submissions and one pass
  const small = await readAll(w.tokens.supervisor, 2);
  expect(small.map((e) => e.node.id)).toEqual(big.map((e) => e.node.id));

  // A client stops after the third event; three more happen; it resumes and gets exactly those three.
  const stoppedAt = big[2].cursor;
  const before = await page(w.tokens.supervisor, { after: big.at(-1)!.cursor });
  expect(before).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: big.at(-1)!.cursor } });
  const fresh = [await submitIn('A'), await submitIn('B'), await submitIn('A')];
  const resumed = await readAll(w.tokens.supervisor, 2, stoppedAt);
  expect(resumed.map((e) => e.node.id)).toEqual(
    [...big.slice(3), ...(await readAll(w.tokens.supervisor, 200, big.at(-1)!.cursor))].map((e) => e.node.id),
  );
  expect(resumed.slice(-3).map((e) => e.node.review.id)).toEqual(fresh);
});

test("scope: an agency's own staff see their agency, another region's supervisor none, the public is refused", async () => {
  const b = await readAll(w.tokens.bh1, 200);
  expect(b.length).toBeGreaterThan(0);
  expect(b.every((e) => e.node.agency.id === w.agencyB)).toBe(true);
  expect((await page(w.tokens.otherSupervisor, {})).edges).toEqual([]);
  expect(code(await p.gql(PAGE, {}))).toBe('UNAUTHENTICATED');
});

test('a cursor the API did not issue is BAD_USER_INPUT', async () => {
  expect(code(await p.gql(PAGE, { after: 'not-a-cursor!' }, { token: w.tokens.supervisor }))).toBe('BAD_USER_INPUT');
  expect(code(await p.gql(PAGE, { first: 0 }, { token: w.tokens.supervisor }))).toBe('BAD_USER_INPUT');
});

test('every event review published carries the payload of the shared contract', async () => {
  const rows = await sql<{ type: string; payload: unknown }>(p.databaseUrl, 'select type, payload from review.outbox');
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect([r.type, REVIEW_EVENT_TYPES.includes(r.type as ReviewEventType)]).toEqual([r.type, true]);
    expect([r.type, ReviewEventPayloadSchema.safeParse(r.payload).error?.issues]).toEqual([r.type, undefined]);
  }
});
