import { Role } from '@tsp/shared';
import { type Client, createClient } from 'graphql-ws';
import { WebSocket } from 'ws';

import { type Platform, startPlatform, token } from '../kit/platform';
import { openPenaltyCase, proposal, type ReviewWorld, setupReviewWorld, SUBMIT } from '../kit/review-fixtures';

/**
 * A token valid longer than 2^31 ms (24.8 days) made the expiry timer fire at once,
 * so an integrator's socket closed with 4403 before any event. A 60-day integrator token must stream.
 */
let p: Platform;
let w: ReviewWorld;
let client: Client | undefined;

beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
}, 120_000);
afterAll(async () => {
  await client?.dispose();
  await p?.stop();
});

async function until(what: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return what();
}

test('a subscription with a 60-day integrator token stays open and receives an event', async () => {
  const longLived = await token({ role: Role.INTEGRATOR, sub: 'client-a', agencyIds: [w.agencyA] }, '60d');
  const events: { caseNumber: string }[] = [];
  const closes: number[] = [];
  let connected = false;
  client = createClient({
    url: p.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${longLived}` },
    retryAttempts: 0,
    on: { connected: () => void (connected = true), closed: (e) => void closes.push((e as { code: number }).code) },
  });
  client.subscribe<{ reviewEvents: { caseNumber: string } }>(
    { query: 'subscription { reviewEvents { type caseNumber } }' },
    { next: (v) => void (v.data && events.push(v.data.reviewEvents)), error: () => {}, complete: () => {} },
  );
  expect(await until(() => connected || closes.length > 0, 5000)).toBe(true);

  // The stream starts at the log's head once subscribed: submit until one event arrives (no fixed sleep).
  for (let i = 0; i < 10 && events.length === 0 && closes.length === 0; i++) {
    const caseId = await openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], `宁市监罚〔2026〕长${i}号`);
    const r = await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, { token: w.tokens.h1 });
    expect(r.errors).toBeUndefined();
    await until(() => events.length > 0 || closes.length > 0, 1000);
  }
  expect(closes).toEqual([]);
  expect(events[0]?.caseNumber).toMatch(/^宁市监罚〔2026〕长\d号$/);
});
