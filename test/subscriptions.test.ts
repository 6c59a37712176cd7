import { type RunningGateway, startGateway } from '@tsp/gateway';
import { encodeCursor, Role, SUBGRAPHS } from '@tsp/shared';
import { type Client, createClient } from 'graphql-ws';
import { WebSocket } from 'ws';

import { type Platform, startPlatform, token } from './kit/platform';
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

/** Review events live over graphql-ws at the gateway, resumable from the durable log. */
let p: Platform;
let w: ReviewWorld;
let n = 0;
const open: Client[] = [];

const SUB = `subscription($after: String) { reviewEvents(after: $after) { type cursor caseNumber review { status case { caseNumber agency { name } } } } }`;
type Event = {
  type: string;
  cursor: string;
  caseNumber: string;
  review: { status: string; case: { caseNumber: string; agency: { name: string } } };
};

function subscribe(url: string, tok: string | undefined, variables: Record<string, unknown> = {}) {
  const events: Event[] = [];
  const errors: unknown[] = [];
  const closes: number[] = [];
  const state = { connected: false };
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: tok ? { authorization: `Bearer ${tok}` } : {},
    retryAttempts: 0,
    on: {
      connected: () => void (state.connected = true),
      closed: (e) => void closes.push((e as { code: number }).code),
    },
  });
  open.push(client);
  client.subscribe<{ reviewEvents: Event }>(
    { query: SUB, variables },
    {
      next: (v) => (v.data ? events.push(v.data.reviewEvents) : errors.push(v.errors)),
      error: (e) => void errors.push(e),
      complete: () => {},
    },
  );
  return { events, errors, closes, state, dispose: () => client.dispose() };
}

/**
 * The cursor of the newest event the token may read (the start of the log when there is none): a
 * subscription after it begins at the head at once, instead of a sleep hoping the gateway got there first.
 */
async function head(tok: string): Promise<string> {
  let after = encodeCursor('0');
  for (;;) {
    const r = await p.gql(
      `query($a: String) { reviewEvents(after: $a, first: 200) { pageInfo { endCursor hasNextPage } } }`,
      { a: after },
      { token: tok },
    );
    expect(r.errors).toBeUndefined();
    const page = r.data.reviewEvents.pageInfo;
    after = page.endCursor ?? after;
    if (!page.hasNextPage) return after;
  }
}

/** Waits for a condition; generous deadlines, since a loaded machine can be slow but not wrong. */
async function until(
  what: () => boolean,
  ms = 30_000,
  seen?: { events: unknown[]; errors: unknown[]; closes: number[] },
) {
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

// How soon an event arrives is measured by the bench, not asserted here (timing targets are not tests).
test("a subscriber receives ReviewPassed after completeReview, with federated fields, and never another agency's events", async () => {
  const s = subscribe(p.gatewayUrl, w.tokens.integratorA, { after: await head(w.tokens.integratorA) });
  const other = await submit('B');
  const mine = await submit('A');
  await p.gql(START, { id: mine.reviewId }, { token: w.tokens.rq });
  const done = await p.gql(
    COMPLETE,
    { i: { reviewId: mine.reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist() } },
    { token: w.tokens.rq },
  );
  expect(done.errors).toBeUndefined();
  await until(() => s.events.some((e) => e.type === 'ReviewPassed'), 30_000, s);
  const passed = s.events.find((e) => e.type === 'ReviewPassed')!;
  expect(passed.review).toEqual({
    status: 'PASSED',
    case: { caseNumber: mine.caseNumber, agency: { name: expect.any(String) } },
  });
  expect(s.events.map((e) => e.type)).toEqual(['ReviewSubmitted', 'ReviewPassed']);
  expect(s.events.some((e) => e.caseNumber === other.caseNumber)).toBe(false);
  expect(s.errors).toEqual([]);
  await s.dispose();
});

test('a subscriber disconnected during three events resumes by cursor and gets exactly those three', async () => {
  const s = subscribe(p.gatewayUrl, w.tokens.integratorA, { after: await head(w.tokens.integratorA) });
  await submit('A');
  await until(() => s.events.length === 1);
  const cursor = s.events[0].cursor;
  await s.dispose();

  const missed = [await submit('A'), await submit('B'), await submit('A'), await submit('A')].filter((x) =>
    x.caseNumber.startsWith('宁市监罚'),
  );
  const again = subscribe(p.gatewayUrl, w.tokens.integratorA, { after: cursor });
  // One more event, live: once it is in, everything before it has been delivered, so the list is final.
  const live = await submit('A');
  await until(() => again.events.some((e) => e.caseNumber === live.caseNumber));
  expect(again.events.map((e) => e.caseNumber)).toEqual([...missed, live].map((m) => m.caseNumber));
  expect(new Set(again.events.map((e) => e.cursor)).size).toBe(4);
  await again.dispose();
});

test('a gateway restart mid-stream loses nothing for a client that resumes by cursor', async () => {
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s, p.subgraphs[s].url]));
  let gw: RunningGateway = await startGateway({ urls });
  const s = subscribe(gw.url, w.tokens.supervisor, { after: await head(w.tokens.supervisor) });
  const first = await submit('A');
  await until(() => s.events.some((e) => e.caseNumber === first.caseNumber));
  const last = s.events.at(-1)!.cursor;
  await gw.stop();
  await until(() => s.closes.length > 0);

  const during = [await submit('B'), await submit('A')];
  gw = await startGateway({ urls });
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

  const shortLived = await token({ role: Role.INTEGRATOR, sub: 'client-a', agencyIds: [w.agencyA] }, '5s');
  const s = subscribe(p.gatewayUrl, shortLived);
  await until(() => s.state.connected || s.closes.length > 0);
  expect({ connected: s.state.connected, closes: s.closes }).toEqual({ connected: true, closes: [] }); // accepted while valid
  await until(() => s.closes.length > 0);
  expect(s.closes[0]).toBe(4403);
});

describe('over HTTP, as the sandbox sees the gateway', () => {
  test('introspection lists the Subscription type and reviewEvents, without a token', async () => {
    const r = await p.gql(`{ __schema { subscriptionType { name fields { name args { name } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.__schema.subscriptionType).toEqual({
      name: 'Subscription',
      fields: [{ name: 'reviewEvents', args: [{ name: 'agencyId' }, { name: 'after' }] }],
    });
  });

  test('a subscription is refused (400, BAD_USER_INPUT, SUBSCRIPTION_OVER_HTTP); the gateway goes on', async () => {
    const r = await p.gql(SUB, {}, { token: w.tokens.integratorA });
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'SUBSCRIPTION_OVER_HTTP' });
    expect(r.errors![0].message).toMatch(/WebSocket \(graphql-ws\)/);
    expect((await fetch(p.gatewayUrl.replace(/\/graphql$/, '/health'))).status).toBe(200);
    const q = await p.gql(`{ agencies(region: "宁晋县") { name } }`);
    expect(q.errors).toBeUndefined();
    expect(q.data.agencies.length).toBeGreaterThan(0);
  });

  test('one operation with data and introspection gets both, the introspection from the same schema', async () => {
    const r = await p.gql(
      `query($n: String!) { ...Schema agencies(region: "宁晋县") { name } t: __type(name: $n) { name } }
       fragment Schema on Query { __schema { subscriptionType { name } } }`,
      { n: 'Subscription' },
    );
    expect(r.errors).toBeUndefined();
    expect(Object.keys(r.data)).toEqual(['__schema', 'agencies', 't']);
    expect(r.data.__schema.subscriptionType).toEqual({ name: 'Subscription' });
    expect(r.data.t).toEqual({ name: 'Subscription' });
    expect(r.data.agencies.length).toBeGreaterThan(0);
  });
});
