import { createHash, randomUUID } from 'node:crypto';

import { encodeCursor, overrideConfig, Role, shanghaiDate } from '@tsp/shared';
import { type Client, createClient } from 'graphql-ws';
import { WebSocket } from 'ws';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { APPEND, doc, OPEN, penaltyCase, type RecordsWorld, setupWorld } from './kit/records-fixtures';
import { proposal, SUBMIT } from './kit/review-fixtures';

/**
 * A token names its agency. Once an officer is transferred, the token she holds for the old agency must
 * no longer read or write that agency's data by any path: every subgraph asks where she belongs now
 * (personnel its own table, the others personnel), trusting an answer for OFFICER_AGENCY_CACHE_MS.
 * Here the window is short, so the test waits it out instead of the 5 s default.
 *
 * 王芳 (o2) moves from 城乡规划局 (A) to 文化和旅游局 (B). The tests run in order.
 */
const CACHE_MS = 1000;
overrideConfig({ OFFICER_AGENCY_CACHE_MS: String(CACHE_MS) });

let p: Platform;
let w: RecordsWorld;
let base: string;
let oldToken: string; // o2 for agency A, issued before the transfer
let caseId: string; // A's case, handled by o1 and o2
let secondCase: string; // another of A's cases with o2 as handler, not yet submitted for review
let reviewId: string;
let draftId: string;
let live: ReturnType<typeof subscribe>; // her review-event subscription, opened before the transfer
const sockets: Client[] = [];
const today = shanghaiDate();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

const CASE = `query($id: ID!) { case(id: $id) { id caseNumber } }`;
const REVIEW = `query($id: ID!) { review(id: $id) { id status } }`;
const DRAFTS = `query($a: ID!) { publications(filter: { agencyId: $a, status: DRAFT }) { edges { node { id } } } }`;
const OFFICERS = `query($a: ID!) { officers(agencyId: $a) { edges { node { id } } } }`;
const INSPECTION = `mutation($i: InspectionResultInput!) { publishInspectionResult(input: $i) { id status } }`;

let seq = 0;
const inspection = (agencyId: string) => ({
  agencyId,
  inspectionNumber: `宁规抽〔2026〕${++seq}号`,
  partyName: '宁晋县某建筑工程有限公司',
  partyType: 'ORGANIZATION',
  summary: '施工现场规划许可公示情况',
  conclusion: '未发现问题',
  legalBasis: '《中华人民共和国城乡规划法》',
  inspectedOn: today,
  publishNow: false,
});
const note = (c: string) => ({
  caseId: c,
  stage: 'INVESTIGATION',
  activity: 'DOCUMENT',
  occurredAt: new Date().toISOString(),
  officerIds: [w.o1],
  attachments: [doc('调查笔录')],
  summary: '询问当事人',
});
/** Uploads an attachment never seen before (the store outlives a run), so 201 means it was stored now. */
const putBlob = (tok: string, what: string) => {
  const content = `${what} ${randomUUID()}`;
  return fetch(`${base}/blobs/${createHash('sha256').update(content).digest('hex')}`, {
    method: 'PUT',
    body: content,
    headers: { authorization: `Bearer ${tok}` },
  });
};

/**
 * A graphql-ws subscription to agency events through the gateway, recording what arrives. It starts at the
 * log's beginning (no review event exists before the first test's), so an event submitted before the
 * subscription reached the gateway is still delivered: no waiting for the connection to settle.
 */
function subscribe(tok: string) {
  const seen = { events: [] as string[], errors: [] as unknown[], closes: [] as number[] };
  const client = createClient({
    url: p.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${tok}` },
    retryAttempts: 0,
    on: { closed: (e) => void seen.closes.push((e as { code: number }).code) },
  });
  sockets.push(client);
  client.subscribe<{ reviewEvents: { caseNumber: string } }>(
    {
      query: `subscription($after: String) { reviewEvents(after: $after) { caseNumber } }`,
      variables: { after: encodeCursor('0') },
    },
    {
      next: (v) => (v.data ? seen.events.push(v.data.reviewEvents.caseNumber) : seen.errors.push(v.errors)),
      error: (e) => void seen.errors.push(e),
      complete: () => {},
    },
  );
  return seen;
}

/** Waits for a condition; the deadline is generous because a loaded machine can be slow, never wrong. */
async function until(what: () => boolean, seen: unknown, ms = 30_000) {
  for (const end = Date.now() + ms; !what(); await sleep(20))
    if (Date.now() > end) throw new Error(`timed out; seen ${JSON.stringify(seen)}`);
}

async function ok<T = any>(q: string, v: Record<string, unknown>, tok: string): Promise<T> {
  const r = await p.gql(q, v, { token: tok });
  expect(r.errors).toBeUndefined();
  return r.data;
}

/** Rows the old token could write; a refusal must leave them as they were. */
async function written() {
  const n = async (q: string) => Number((await sql<{ n: string }>(p.databaseUrl, q))[0].n);
  return {
    entries: await n('select count(*) as n from records.record_entry'),
    reviews: await n('select count(*) as n from review.legal_review'),
    publications: await n('select count(*) as n from disclosure.publication'),
  };
}

beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
  base = p.gatewayUrl.replace(/\/graphql$/, '');
  oldToken = await token({ role: Role.OFFICER, sub: w.o2, agencyId: w.agencyA });
  caseId = (await ok(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕21号') }, w.tokens.a)).openCase.id;
  secondCase = (await ok(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕22号') }, w.tokens.a)).openCase.id;
}, 120_000);
afterAll(async () => {
  for (const c of sockets) await c.dispose();
  await p?.stop();
});

test('before the transfer, her token reads and writes agency A’s data in personnel, records, review and disclosure', async () => {
  live = subscribe(oldToken);
  expect((await ok(OFFICERS, { a: w.agencyA }, oldToken)).officers.edges.map((e: any) => e.node.id)).toContain(w.o2);
  expect((await ok(CASE, { id: caseId }, oldToken)).case.caseNumber).toBe('宁规罚〔2026〕21号');
  expect((await ok(APPEND, { i: note(caseId) }, oldToken)).appendRecord.stage).toBe('INVESTIGATION');
  reviewId = (await ok(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, oldToken)).submitForReview.id;
  expect((await ok(REVIEW, { id: reviewId }, oldToken)).review.status).toBe('SUBMITTED');
  draftId = (await ok(INSPECTION, { i: inspection(w.agencyA) }, oldToken)).publishInspectionResult.id;
  expect((await ok(DRAFTS, { a: w.agencyA }, oldToken)).publications.edges.map((e: any) => e.node.id)).toContain(
    draftId,
  );
  expect((await putBlob(oldToken, 'evidence before the transfer')).status).toBe(201);
  await until(() => live.events.length > 0, live); // the stream is live: her own submission arrives
  expect(live.events).toEqual(['宁规罚〔2026〕21号']);
});

test('after the transfer, a fresh token for B works at once, in every subgraph', async () => {
  const moved = await p.gql(
    `mutation($i: TransferOfficerInput!) { transferOfficer(input: $i) { agency { id } } }`,
    { i: { officerId: w.o2, agencyId: w.agencyB, effectiveOn: today, reason: '工作调动' } },
    { token: w.tokens.supervisor },
  );
  expect(moved.errors).toBeUndefined();
  expect(moved.data.transferOfficer.agency.id).toBe(w.agencyB);
  // No waiting: a token that disagrees with a cached answer is checked against personnel before any refusal.
  const fresh = await token({ role: Role.OFFICER, sub: w.o2, agencyId: w.agencyB });
  expect((await ok(OFFICERS, { a: w.agencyB }, fresh)).officers.edges.map((e: any) => e.node.id)).toContain(w.o2);
  expect((await ok(`{ cases(first: 5) { edges { node { id } } } }`, {}, fresh)).cases.edges).toEqual([]); // B has no cases yet
  expect((await ok(`{ reviews(first: 5) { edges { node { id } } } }`, {}, fresh)).reviews.edges).toEqual([]);
  const bDraft = (await ok(INSPECTION, { i: inspection(w.agencyB) }, fresh)).publishInspectionResult.id;
  expect((await ok(DRAFTS, { a: w.agencyB }, fresh)).publications.edges.map((e: any) => e.node.id)).toEqual([bDraft]);
  expect((await putBlob(fresh, 'evidence after the transfer')).status).toBe(201);
  // And it is a B token: A's case is another agency's.
  expect(code(await p.gql(CASE, { id: caseId }, { token: fresh }))).toBe('FORBIDDEN');
});

/** Waits until each subgraph's cached answer about her has expired: a read with the old token is refused. */
async function untilRefusedEverywhere(reads: [string, string, Record<string, unknown>][]) {
  for (const [, q, v] of reads) {
    const end = Date.now() + 30_000;
    while (code(await p.gql(q, v, { token: oldToken })) !== 'UNAUTHENTICATED') {
      if (Date.now() > end) throw new Error(`still accepted after 30 s: ${q}`);
      await sleep(100);
    }
  }
}

test('once the cache window has passed, her old token is UNAUTHENTICATED by each subgraph itself, for reads and writes; nothing is written', async () => {
  // Reads only: a write accepted inside the window would be a write, not a refusal.
  await untilRefusedEverywhere([
    ['personnel', OFFICERS, { a: w.agencyA }],
    ['records', CASE, { id: caseId }],
    ['review', REVIEW, { id: reviewId }],
    ['disclosure', DRAFTS, { a: w.agencyA }],
  ]);
  const before = await written();
  const refusals: [string, string, Record<string, unknown>][] = [
    ['personnel', OFFICERS, { a: w.agencyA }],
    ['records', CASE, { id: caseId }],
    ['records', APPEND, { i: note(caseId) }],
    ['review', REVIEW, { id: reviewId }],
    ['review', SUBMIT, { i: { caseId: secondCase, proposedDecision: proposal() } }],
    ['disclosure', DRAFTS, { a: w.agencyA }],
    ['disclosure', INSPECTION, { i: inspection(w.agencyA) }],
  ];
  for (const [service, q, v] of refusals) {
    const r = await p.gql(q, v, { token: oldToken });
    expect({
      service,
      code: code(r),
      serviceName: r.errors?.[0]?.extensions?.serviceName,
      data: r.data ? Object.values(r.data)[0] : null,
    }).toEqual({ service, code: 'UNAUTHENTICATED', serviceName: service, data: null });
    expect(r.errors![0].message).toMatch(/transfer.*调动后请重新登录/);
  }
  expect(await written()).toEqual(before);
  // The attachment store, which is not GraphQL, refuses her too.
  const put = await putBlob(oldToken, 'evidence with a stale token');
  expect(put.status).toBe(401);
  expect(((await put.json()) as any).errors[0].message).toMatch(/调动后请重新登录/);
});

test('her live review-event stream is closed with 4403 at the next event, and a new one at once; the event is not delivered', async () => {
  expect(live.closes).toEqual([]);
  // A colleague still in A submits the second case: an event her old token may no longer see.
  expect(
    (await ok(SUBMIT, { i: { caseId: secondCase, proposedDecision: proposal() } }, w.tokens.a)).submitForReview.id,
  ).toBeTruthy();
  await until(() => live.closes.length > 0, live);
  expect(live.closes).toEqual([4403]);
  expect(live.events).toEqual(['宁规罚〔2026〕21号']);
  expect(JSON.stringify(live.errors)).toMatch(/调动后请重新登录/);

  const again = subscribe(oldToken);
  await until(() => again.closes.length > 0, again);
  expect({ closes: again.closes, events: again.events }).toEqual({ closes: [4403], events: [] });
});

test('tokens whose sub is not a registered officer work as before', async () => {
  const unknown = await token({ role: Role.OFFICER, sub: randomUUID(), agencyId: w.agencyA });
  for (const tok of [unknown, w.tokens.aHead /* sub "head-a" */]) {
    expect((await ok(CASE, { id: caseId }, tok)).case.id).toBe(caseId);
    expect((await ok(REVIEW, { id: reviewId }, tok)).review.id).toBe(reviewId);
    expect((await ok(DRAFTS, { a: w.agencyA }, tok)).publications.edges.map((e: any) => e.node.id)).toContain(draftId);
    expect((await ok(INSPECTION, { i: inspection(w.agencyA) }, tok)).publishInspectionResult.status).toBe('DRAFT');
  }
});

test('personnel not answering: officers’ tokens are refused as DEPENDENCY_UNAVAILABLE once their answer is older than the window; others are not affected', async () => {
  expect((await ok(CASE, { id: caseId }, w.tokens.a)).case.id).toBe(caseId);
  await p.stopSubgraph('personnel');
  try {
    // Until the answer cached before personnel stopped has expired, the token still works.
    let r = await p.gql(CASE, { id: caseId }, { token: w.tokens.a });
    for (const end = Date.now() + 30_000; !r.errors && Date.now() < end; await sleep(100))
      r = await p.gql(CASE, { id: caseId }, { token: w.tokens.a });
    expect({ code: code(r), service: r.errors?.[0]?.extensions?.serviceName }).toEqual({
      code: 'DEPENDENCY_UNAVAILABLE',
      service: 'records',
    });
    expect(r.errors![0].message).toMatch(/current agency cannot be confirmed/);
    // Why personnel did not answer is passed on, as for any DEPENDENCY_UNAVAILABLE.
    expect(['UNREACHABLE', 'CIRCUIT_OPEN', 'TIMEOUT']).toContain(r.errors![0].extensions?.reason);
    expect((await ok(CASE, { id: caseId }, w.tokens.supervisor)).case.id).toBe(caseId);
    expect((await ok(CASE, { id: caseId }, w.tokens.aHead)).case.id).toBe(caseId);
  } finally {
    await p.restartSubgraph('personnel');
  }
  expect((await ok(CASE, { id: caseId }, w.tokens.a)).case.id).toBe(caseId);
});
