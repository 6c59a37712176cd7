import { randomUUID } from 'node:crypto';

import { addCalendarDays, overrideConfig, publishEvent, Role, shanghaiDate } from '@tsp/shared';

import { verifyWebhookSignature } from '../subgraphs/review/src/webhooks/signature';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { type RecordsWorld, setupWorld } from './kit/records-fixtures';
import { pollUntil, until } from './kit/until';
import { Receiver } from './kit/webhooks-receiver';

/**
 * Webhooks over inspection's events through the real gateway: review's worker reads inspection's internal feed
 * (service token), scopes each event like inspectionEvents, and signs it like a review event; review events keep
 * flowing while inspection is down, and inspection's resume after it, each event once.
 */

// Before the platform starts: loopback receivers are allowed here, and retries are fast.
overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', WEBHOOK_RETRY_BASE_MS: '50' });

const SECRET = 'receiver-secret-0123456789';
const TYPES = ['InspectionPlanned', 'InspectionApproved', 'ReviewPassed'];

let p: Platform;
let w: RecordsWorld;
let enterprise: string, item: string;
const receivers: Receiver[] = [];
const today = shanghaiDate();

const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
  enterprise = ok(
    await p.gql(
      `mutation($i: EnterpriseInput!) { registerEnterprise(input: $i) { id } }`,
      { i: { creditCode: '914403001922038216', name: '宁晋县示例建材有限公司', region: '宁晋县' } },
      { token: w.tokens.a },
    ),
  ).registerEnterprise.id;
  item = ok(
    await p.gql(
      `mutation($a: ID!, $i: InspectionItemInput!) { addInspectionItem(agencyId: $a, input: $i) { id } }`,
      {
        a: w.agencyA,
        i: {
          name: '建设工程规划许可执行情况检查',
          legalBasis: '《中华人民共和国城乡规划法》第五十三条',
          enforcementItem: '规划监督检查',
        },
      },
      { token: w.tokens.aHead },
    ),
  ).addInspectionItem.id;
});
afterAll(async () => {
  await p?.stop();
  for (const r of receivers) await r.stop();
});

async function receiver(): Promise<Receiver> {
  const r = await new Receiver().start();
  receivers.push(r);
  ok(
    await p.gql(
      `mutation($h: String!) { allowWebhookHost(host: $h) { host } }`,
      { h: r.hostPort },
      { token: w.tokens.admin },
    ),
  );
  return r;
}

const ENDPOINT = `id eventTypes cursor sources { source cursor startPending failedAttempts }`;

function register(tok: string, url: string, eventTypes: unknown = TYPES) {
  return p.gql(
    `mutation($u: String!, $s: String!, $t: [String!]) { registerWebhook(url: $u, secret: $s, eventTypes: $t) { ${ENDPOINT} } }`,
    { u: url, s: SECRET, t: eventTypes },
    { token: tok },
  );
}

async function endpoint(tok: string, id: string) {
  const list = ok(await p.gql(`{ webhookEndpoints { ${ENDPOINT} } }`, {}, { token: tok })).webhookEndpoints as {
    id: string;
    sources: { source: string; cursor: string | null; startPending: boolean; failedAttempts: number }[];
  }[];
  return list.find((e) => e.id === id)!;
}

/** A review event as review's workflow writes it (in a transaction, into review's outbox). */
function publishReview(agencyId: string) {
  const reviewId = randomUUID();
  return p.subgraphs.review.orm.em.fork().transactional((em) =>
    publishEvent(em, 'review', {
      type: 'ReviewPassed',
      agencyId,
      region: '宁晋县',
      subjectId: reviewId,
      payload: {
        reviewId,
        caseId: randomUUID(),
        caseNumber: '宁规罚〔2026〕7号',
        category: 'PLANNING',
        status: 'PASSED',
        reviewerId: null,
        opinion: '同意',
        dueOn: today,
      },
    }),
  );
}

/**
 * An inspection event committed into inspection's outbox without inspection's process (it is stopped): what review
 * finds in the feed once inspection answers again. Same database, so review's connection can write it.
 */
function publishInspection(agencyId: string, type = 'InspectionApproved') {
  const inspectionId = randomUUID();
  return p.subgraphs.review.orm.em.fork().transactional((em) =>
    publishEvent(em, 'inspection', {
      type,
      agencyId,
      region: '宁晋县',
      subjectId: inspectionId,
      payload: {
        inspectionId,
        kind: 'ROUTINE',
        status: 'APPROVED',
        urgent: false,
        agencyIds: [agencyId],
        enterprises: [{ id: enterprise, creditCode: '914403001922038216' }],
        itemIds: [item],
        validFrom: today,
        validUntil: addCalendarDays(today, 7),
        outcome: null,
        outcomeCaseId: null,
        rating: null,
      },
    }),
  );
}

const count = (r: Receiver, id: string) => r.requests.filter((q) => q.eventId === id && q.status < 300).length;

test('an endpoint for InspectionPlanned and InspectionApproved receives both, signed, with the inspectionEvents cursor; another agency gets none; review events still arrive', async () => {
  const [ra, rb] = [await receiver(), await receiver()];
  const intB = await token({ role: Role.INTEGRATOR, sub: 'client-b', agencyId: w.agencyB });
  const a = ok(await register(w.tokens.integrator, ra.url)).registerWebhook;
  const b = ok(await register(intB, rb.url)).registerWebhook;
  expect(a.eventTypes).toEqual(TYPES);
  expect(a.sources).toEqual([
    { source: 'review', cursor: null, startPending: false, failedAttempts: 0 },
    { source: 'inspection', cursor: null, startPending: false, failedAttempts: 0 },
  ]);

  const planned = ok(
    await p.gql(
      `mutation($i: PlanInspectionInput!) { planInspection(input: $i) { id status } }`,
      {
        i: {
          kind: 'ROUTINE',
          reason: '2026年度双随机抽查',
          enterpriseIds: [enterprise],
          itemIds: [item],
          officerIds: [w.o1, w.o2],
          validFrom: today,
          validUntil: addCalendarDays(today, 7),
        },
      },
      { token: w.tokens.a },
    ),
  ).planInspection;
  ok(
    await p.gql(
      `mutation($id: ID!) { approveInspection(id: $id) { status } }`,
      { id: planned.id },
      { token: w.tokens.aHead },
    ),
  );
  const reviewA = await publishReview(w.agencyA);
  const reviewB = await publishReview(w.agencyB);

  await until('both inspection events and the review event at A', () =>
    ra.acknowledged().length >= 3 ? true : undefined,
  );
  await until("B's review event", () => (rb.acknowledged().length >= 1 ? true : undefined));
  const inspectionBodies = ra.requests.filter((q) => q.body.source === 'inspection');
  expect(inspectionBodies.map((q) => q.body.type)).toEqual(['InspectionPlanned', 'InspectionApproved']);
  for (const q of inspectionBodies) {
    expect(verifyWebhookSignature(SECRET, q.headers['x-tsp-signature'] as string, q.raw).ok).toBe(true);
    expect(q.eventId).toBe(q.body.id);
    expect(q.body).toMatchObject({ agencyId: w.agencyA, subjectId: planned.id, source: 'inspection' });
    expect(q.body.payload).toMatchObject({
      inspectionId: planned.id,
      kind: 'ROUTINE',
      agencyIds: [w.agencyA],
      enterprises: [{ id: enterprise, creditCode: '914403001922038216' }],
      itemIds: [item],
    });
  }
  expect(inspectionBodies.map((q) => q.body.payload.status)).toEqual(['PLANNED', 'APPROVED']);

  // Each cursor is the one inspectionEvents gives the same integrator for that event.
  const log = ok(
    await p.gql(
      `{ inspectionEvents(first: 100) { edges { cursor node { id type } } } }`,
      {},
      { token: w.tokens.integrator },
    ),
  ).inspectionEvents.edges as { cursor: string; node: { id: string; type: string } }[];
  for (const q of inspectionBodies)
    expect(log).toContainEqual({ cursor: q.body.cursor, node: { id: q.body.id, type: q.body.type } });

  // Review events keep coming, marked as such; B's integrator gets B's review event only, no inspection of A.
  expect(ra.requests.find((q) => q.eventId === reviewA.id)?.body.source).toBe('review');
  expect(rb.acknowledged()).toEqual([reviewB.id]);

  const deliveries = ok(
    await p.gql(
      `query($e: ID!) { webhookDeliveries(endpointId: $e) { edges { node { source eventType cursor outcome } } } }`,
      { e: a.id },
      { token: w.tokens.integrator },
    ),
  ).webhookDeliveries.edges.map((e: { node: unknown }) => e.node);
  expect(deliveries).toEqual(
    expect.arrayContaining(
      inspectionBodies.map((q) => ({
        source: 'inspection',
        eventType: q.body.type,
        cursor: q.body.cursor,
        outcome: 'DELIVERED',
      })),
    ),
  );
  const state = await endpoint(w.tokens.integrator, a.id);
  expect(state.sources.find((s) => s.source === 'inspection')?.cursor).toBe(inspectionBodies[1].body.cursor);
  expect(b.id).not.toBe(a.id);
});

test('event types are checked: an unknown one, or none, is BAD_USER_INPUT naming eventTypes; replay names its source', async () => {
  const r = await receiver();
  const unknown = await register(w.tokens.integrator, r.url, ['InspectionApproved', 'InspectionExploded']);
  expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
  expect(unknown.errors?.[0].message).toContain('InspectionExploded');
  const none = await register(w.tokens.integrator, r.url, []);
  expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });

  // Without a choice an endpoint receives review's events, as before inspection's existed.
  const plain = ok(await register(w.tokens.integrator, r.url, null)).registerWebhook;
  expect(plain.sources.map((s: { source: string }) => s.source)).toEqual(['review']);
  const REPLAY = `mutation($e: ID!, $s: String) { replayWebhook(endpointId: $e, source: $s) { id } }`;
  for (const s of ['inspection', 'records']) {
    const res = await p.gql(REPLAY, { e: plain.id, s }, { token: w.tokens.integrator });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'source' });
  }
  ok(
    await p.gql(
      `mutation($e: ID!) { deactivateWebhook(endpointId: $e) { id } }`,
      { e: plain.id },
      { token: w.tokens.integrator },
    ),
  );
});

test('while inspection is down review events flow; its events follow once it is back, each once, and an endpoint registered meanwhile starts at registration', async () => {
  const r = await receiver();
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'client-outage', agencyId: w.agencyA });
  const before = ok(await register(integrator, r.url)).registerWebhook;

  await p.stopSubgraph('inspection');
  let restarted = false;
  try {
    const missed = await publishInspection(w.agencyA);
    const later = await receiver();
    // Registered while inspection cannot say where its log ends: the start is pending, not position 0.
    const during = ok(await register(integrator, later.url)).registerWebhook;
    expect(during.sources).toContainEqual({
      source: 'inspection',
      cursor: null,
      startPending: true,
      failedAttempts: 0,
    });
    const afterRegistration = await publishInspection(w.agencyA, 'InspectionPlanned');

    const review = await publishReview(w.agencyA);
    await until('the review event while inspection is down', () => (count(r, review.id) ? true : undefined));
    await until('the review event at the later endpoint too', () => (count(later, review.id) ? true : undefined));
    expect(r.requests.some((q) => q.body.source === 'inspection')).toBe(false);
    // The outage is inspection's, not the receiver's: nothing counts toward giving up.
    expect((await endpoint(integrator, before.id)).sources).toContainEqual(
      expect.objectContaining({ source: 'inspection', failedAttempts: 0 }),
    );

    await p.restartSubgraph('inspection');
    restarted = true;
    await until('the missed inspection event', () => (count(r, missed.id) ? true : undefined));
    // A later event after the missed ones proves the worker went past them: then count each once.
    const next = await publishInspection(w.agencyA, 'InspectionPlanned');
    await until('the next event at both', () => (count(r, next.id) && count(later, next.id) ? true : undefined));
    expect(r.requests.filter((q) => q.body.source === 'inspection').map((q) => [q.eventId, q.status])).toEqual([
      [missed.id, 200],
      [afterRegistration.id, 200],
      [next.id, 200],
    ]);
    // The endpoint registered during the outage: what happened after its registration, none of the history.
    expect(later.requests.filter((q) => q.body.source === 'inspection').map((q) => q.eventId)).toEqual([
      afterRegistration.id,
      next.id,
    ]);
    const resolved = await pollUntil(
      () => endpoint(integrator, during.id),
      (e) => e.sources.some((s) => s.source === 'inspection' && !s.startPending),
    );
    expect(resolved.sources.find((s) => s.source === 'inspection')).toMatchObject({
      startPending: false,
      cursor: expect.any(String),
    });
  } finally {
    if (!restarted) await p.restartSubgraph('inspection');
  }
});
