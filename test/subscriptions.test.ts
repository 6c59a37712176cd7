import { WebSocket } from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { Role, SUBGRAPHS } from '@tsp/shared';
import { startGateway, type RunningGateway } from '@tsp/gateway';
import { composeSupergraph } from '@tsp/scripts/composition';
import { startPlatform, token, type Platform } from './support/platform';
import { COMPLETE, lawfulPenaltyChecklist, openPenaltyCase, proposal, setupReviewWorld, START, SUBMIT, type ReviewWorld } from './review-fixtures';

/** Issue 6: review events live over graphql-ws at the gateway, resumable from the durable log. */
let p: Platform;
let w: ReviewWorld;
let n = 0;
const open: Client[] = [];

const SUB = `subscription($after: String) { reviewEvents(after: $after) { type cursor caseNumber review { status case { caseNumber agency { name } } } } }`;
type Event = { type: string; cursor: string; caseNumber: string; review: { status: string; case: { caseNumber: string; agency: { name: string } } } };

function subscribe(url: string, tok: string | undefined, variables: Record<string, unknown> = {}) {
  const events: Event[] = [];
  const errors: unknown[] = [];
  const closes: number[] = [];
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: tok ? { authorization: `Bearer ${tok}` } : {},
    retryAttempts: 0,
    on: { closed: (e) => void closes.push((e as { code: number }).code) },
  });
  open.push(client);
  client.subscribe<{ reviewEvents: Event }>({ query: SUB, variables }, {
    next: (v) => (v.data ? events.push(v.data.reviewEvents) : errors.push(v.errors)),
    error: (e) => void errors.push(e),
    complete: () => {},
  });
  return { events, errors, closes, dispose: () => client.dispose() };
}

async function until(what: () => boolean, ms = 5000, seen?: { events: unknown[]; errors: unknown[]; closes: number[] }) {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error(`timed out waiting; seen ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function submit(agency: 'A' | 'B'): Promise<{ reviewId: string; caseNumber: string }> {
  const [t, handlers] = agency === 'A' ? [w.tokens.h1, [w.h1, w.h2]] : [w.tokens.bh1, [w.bh1, w.bh2]];
  const caseNumber = `${agency === 'A' ? '宁市监罚' : '宁文旅罚'}〔2026〕订${++n}号`;
  const caseId = await openPenaltyCase(p, t, handlers, caseNumber);
  const r = await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, { token: t });
  expect(r.errors).toBeUndefined();
  return { reviewId: r.data.submitForReview.id, caseNumber };
}

beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
}, 120_000);
afterAll(async () => {
  for (const c of open) await c.dispose();
  await p?.stop();
});

test('a subscriber receives ReviewPassed within a second of completeReview, with federated fields, and never another agency\'s events', async () => {
  const s = subscribe(p.gatewayUrl, w.tokens.integratorA);
  await new Promise((r) => setTimeout(r, 400)); // subscription established at the log's head
  const other = await submit('B');
  const mine = await submit('A');
  await p.gql(START, { id: mine.reviewId }, { token: w.tokens.rq });
  const done = await p.gql(COMPLETE, { i: { reviewId: mine.reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist() } }, { token: w.tokens.rq });
  expect(done.errors).toBeUndefined();
  const t0 = Date.now();
  await until(() => s.events.some((e) => e.type === 'ReviewPassed'), 3000, s);
  expect(Date.now() - t0).toBeLessThan(1000);
  const passed = s.events.find((e) => e.type === 'ReviewPassed')!;
  expect(passed.review).toEqual({ status: 'PASSED', case: { caseNumber: mine.caseNumber, agency: { name: expect.any(String) } } });
  expect(s.events.map((e) => e.type)).toEqual(['ReviewSubmitted', 'ReviewPassed']);
  expect(s.events.some((e) => e.caseNumber === other.caseNumber)).toBe(false);
  expect(s.errors).toEqual([]);
  await s.dispose();
});

test('a subscriber disconnected during three events resumes by cursor and gets exactly those three', async () => {
  const s = subscribe(p.gatewayUrl, w.tokens.integratorA);
  await new Promise((r) => setTimeout(r, 400));
  await submit('A');
  await until(() => s.events.length === 1);
  const cursor = s.events[0].cursor;
  await s.dispose();

  const missed = [await submit('A'), await submit('B'), await submit('A'), await submit('A')].filter((x) => x.caseNumber.startsWith('宁市监罚'));
  const again = subscribe(p.gatewayUrl, w.tokens.integratorA, { after: cursor });
  await until(() => again.events.length >= 3);
  await new Promise((r) => setTimeout(r, 500)); // nothing more arrives
  expect(again.events.map((e) => e.caseNumber)).toEqual(missed.map((m) => m.caseNumber));
  expect(new Set(again.events.map((e) => e.cursor)).size).toBe(3);
  await again.dispose();
});

test('a gateway restart mid-stream loses nothing for a client that resumes by cursor', async () => {
  const { supergraphSdl } = await composeSupergraph();
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s, p.subgraphs[s].url]));
  let gw: RunningGateway = await startGateway({ supergraphSdl, urls });
  const s = subscribe(gw.url, w.tokens.supervisor);
  await new Promise((r) => setTimeout(r, 400));
  const first = await submit('A');
  await until(() => s.events.some((e) => e.caseNumber === first.caseNumber));
  const last = s.events.at(-1)!.cursor;
  await gw.stop();
  await until(() => s.closes.length > 0);

  const during = [await submit('B'), await submit('A')];
  gw = await startGateway({ supergraphSdl, urls });
  const resumed = subscribe(gw.url, w.tokens.supervisor, { after: last });
  await until(() => resumed.events.length >= 2);
  expect(resumed.events.map((e) => e.caseNumber)).toEqual(during.map((d) => d.caseNumber));
  await resumed.dispose();
  await gw.stop();
});

test('no token, or an expired one, gets no stream: the socket closes with 4403', async () => {
  const anon = subscribe(p.gatewayUrl, undefined);
  await until(() => anon.closes.length > 0);
  expect(anon.closes[0]).toBe(4403);

  const shortLived = await token({ role: Role.INTEGRATOR, sub: 'client-a', agencyIds: [w.agencyA] }, '3s');
  const s = subscribe(p.gatewayUrl, shortLived);
  await new Promise((r) => setTimeout(r, 300));
  expect(s.closes).toEqual([]);
  await until(() => s.closes.length > 0, 5000);
  expect(s.closes[0]).toBe(4403);
});
