import { randomUUID } from 'node:crypto';

import { overrideConfig, publishEvent, Role } from '@tsp/shared';

import { verifyWebhookSignature } from '../subgraphs/review/src/webhooks/signature';
import { startWebhookWorker } from '../subgraphs/review/src/webhooks/worker';
import { sql } from './kit/db';
import { type Platform, startPlatform, token } from './kit/platform';
import { Receiver, waitFor } from './kit/webhooks-receiver';

// Before the platform starts: loopback receivers are allowed here, and retries are fast.
overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', WEBHOOK_RETRY_BASE_MS: '50' });

const SECRET = 'receiver-secret-0123456789';

let p: Platform;
let admin: string;
const receivers: Receiver[] = [];

beforeAll(async () => {
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
});
afterAll(async () => {
  await p?.stop();
  for (const r of receivers) await r.stop();
});

async function receiver(): Promise<Receiver> {
  const r = await new Receiver().start();
  receivers.push(r);
  const allowed = await p.gql(
    `mutation($h: String!) { allowWebhookHost(host: $h) { host addedBy } }`,
    { h: r.hostPort },
    { token: admin },
  );
  expect(allowed.errors).toBeUndefined();
  expect(allowed.data.allowWebhookHost).toEqual({ host: r.hostPort, addedBy: 'admin-1' });
  return r;
}

async function register(tok: string, url: string, secret = SECRET) {
  return p.gql(
    `mutation($u: String!, $s: String!) { registerWebhook(url: $u, secret: $s) { id url active agencyIds region cursor } }`,
    { u: url, s: secret },
    { token: tok },
  );
}

/** Writes a review event the way review's workflow does: in a transaction, into review's outbox. */
async function publish(agencyId: string, type = 'ReviewPassed', region = '宁晋县') {
  const reviewId = randomUUID();
  return p.subgraphs.review.orm.em.fork().transactional((em) =>
    publishEvent(em, 'review', {
      type,
      agencyId,
      region,
      subjectId: reviewId,
      payload: {
        reviewId,
        caseId: randomUUID(),
        caseNumber: `宁市监罚〔2026〕${Math.floor(Math.random() * 1000)}号`,
        category: 'MARKET_REGULATION',
        status: 'PASSED',
        reviewerId: null,
        opinion: '同意',
        dueOn: '2026-03-10',
      },
    }),
  );
}

async function deliveries(tok: string, endpointId: string) {
  const r = await p.gql(
    `query($e: ID!) { webhookDeliveries(endpointId: $e, first: 100) { edges { node { eventId eventType cursor attempt httpStatus error outcome durationMs } } } }`,
    { e: endpointId },
    { token: tok },
  );
  expect(r.errors).toBeUndefined();
  // The log is newest first; tests read it oldest first.
  return (
    r.data.webhookDeliveries.edges as {
      node: {
        eventId: string;
        attempt: number;
        httpStatus: number | null;
        error: string | null;
        outcome: string;
        cursor: string;
      };
    }[]
  )
    .map((e) => e.node)
    .reverse();
}

test('a registered endpoint receives the review event, signed so the receiver can verify it, with the reviewEvents cursor', async () => {
  const r = await receiver();
  const agencyA = randomUUID();
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-signed', agencyIds: [agencyA] });
  const reg = await register(integrator, r.url);
  expect(reg.errors).toBeUndefined();
  expect(reg.data.registerWebhook).toMatchObject({ url: r.url, active: true, agencyIds: [agencyA], region: null });

  const e = await publish(agencyA);
  const got = await waitFor('the delivery', () => r.requests.find((q) => q.eventId === e.id));
  expect(got.headers['content-type']).toBe('application/json');
  expect(verifyWebhookSignature(SECRET, got.headers['x-tsp-signature'] as string, got.raw)).toEqual({
    ok: true,
    timestamp: expect.any(Number),
  });
  expect(verifyWebhookSignature('not-the-secret-at-all', got.headers['x-tsp-signature'] as string, got.raw).ok).toBe(
    false,
  );
  expect(got.body).toEqual({
    id: e.id,
    type: 'ReviewPassed',
    occurredAt: e.occurredAt.toISOString(),
    agencyId: agencyA,
    subjectId: e.subjectId,
    payload: e.payload,
    source: 'review',
    cursor: expect.any(String),
  });

  // The cursor in the body is the one the durable log gives the same integrator for this event.
  const log = await p.gql(`{ reviewEvents(first: 10) { edges { cursor node { id } } } }`, {}, { token: integrator });
  expect(log.errors).toBeUndefined();
  expect(log.data.reviewEvents.edges).toEqual([{ cursor: got.body.cursor, node: { id: e.id } }]);

  const endpointId = reg.data.registerWebhook.id;
  await waitFor('the delivery log row', async () => (await deliveries(integrator, endpointId)).length === 1);
  expect(await deliveries(integrator, endpointId)).toEqual([
    expect.objectContaining({
      eventId: e.id,
      attempt: 1,
      httpStatus: 200,
      error: null,
      outcome: 'DELIVERED',
      cursor: got.body.cursor,
    }),
  ]);
  const eps = await p.gql(`{ webhookEndpoints { id cursor failedAttempts } }`, {}, { token: integrator });
  expect(eps.data.webhookEndpoints).toEqual([{ id: endpointId, cursor: got.body.cursor, failedAttempts: 0 }]);
});

test('a receiver failing twice then succeeding gets the event acknowledged once, with 3 attempts in the log, and later events wait their turn', async () => {
  const r = await receiver();
  r.answer = (n) => (n <= 2 ? 500 : 200);
  const agency = randomUUID();
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-retry', agencyIds: [agency] });
  const reg = await register(integrator, r.url);
  expect(reg.errors).toBeUndefined();
  const endpointId = reg.data.registerWebhook.id;

  const first = await publish(agency, 'ReviewSubmitted');
  const second = await publish(agency, 'ReviewPassed');
  await waitFor('both events acknowledged', () => r.acknowledged().length === 2);
  await new Promise((res) => setTimeout(res, 300)); // nothing more should come
  expect(r.acknowledged()).toEqual([first.id, second.id]);
  // Head of line: the second event was not sent while the first was failing.
  expect(r.requests.map((q) => [q.eventId, q.status])).toEqual([
    [first.id, 500],
    [first.id, 500],
    [first.id, 200],
    [second.id, 200],
  ]);
  const log = await deliveries(integrator, endpointId);
  expect(log.map((d) => [d.eventId, d.attempt, d.httpStatus, d.outcome])).toEqual([
    [first.id, 1, 500, 'FAILED_ATTEMPT'],
    [first.id, 2, 500, 'FAILED_ATTEMPT'],
    [first.id, 3, 200, 'DELIVERED'],
    [second.id, 1, 200, 'DELIVERED'],
  ]);
  expect(log[0].error).toContain('HTTP 500');
});

test('after 24 h of failures an event is logged GAVE_UP and the endpoint moves on to the next one', async () => {
  const r = await receiver();
  const agency = randomUUID();
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-give-up', agencyIds: [agency] });
  const reg = await register(integrator, r.url);
  const endpointId = reg.data.registerWebhook.id;
  r.answer = (_n, body) => (body.type === 'ReviewSubmitted' ? 503 : 200);
  const poison = await publish(agency, 'ReviewSubmitted');
  const next = await publish(agency, 'ReviewPassed');
  await waitFor('a failed attempt', async () => (await deliveries(integrator, endpointId)).length >= 1);
  expect(r.acknowledged()).toEqual([]);
  // Pretend the first failure was 25 hours ago: the next failed attempt is the last one.
  await sql(
    p.databaseUrl,
    `update review.webhook_endpoint set failing_since = now() - interval '25 hours' where id = $1`,
    [endpointId],
  );
  // The receiver answers before the worker commits its log row: wait for the row, not the request.
  await waitFor(
    'the next event delivered and logged',
    async () =>
      r.acknowledged().includes(next.id) &&
      (await deliveries(integrator, endpointId)).some((d) => d.eventId === next.id && d.outcome === 'DELIVERED'),
  );
  const log = await deliveries(integrator, endpointId);
  const forPoison = log.filter((d) => d.eventId === poison.id);
  expect(forPoison.at(-1)).toMatchObject({ outcome: 'GAVE_UP', httpStatus: 503 });
  expect(forPoison.slice(0, -1).every((d) => d.outcome === 'FAILED_ATTEMPT')).toBe(true);
  expect(forPoison.map((d) => d.attempt)).toEqual(forPoison.map((_, i) => i + 1));
  expect(log.at(-1)).toMatchObject({ eventId: next.id, attempt: 1, outcome: 'DELIVERED' });
  expect(r.acknowledged()).toEqual([next.id]);
});

test('three worker instances deliver each event once and in order (endpoints are claimed FOR UPDATE SKIP LOCKED)', async () => {
  const extra = [
    startWebhookWorker({ orm: p.subgraphs.review.orm, pollMs: 20 }),
    startWebhookWorker({ orm: p.subgraphs.review.orm, pollMs: 20 }),
  ];
  try {
    const endpoints = await Promise.all([0, 1, 2].map(() => receiver()));
    const agency = randomUUID();
    for (const [i, r] of endpoints.entries()) {
      const integrator = await token({ role: Role.INTEGRATOR, sub: `int-multi-${i}`, agencyIds: [agency] });
      expect((await register(integrator, r.url)).errors).toBeUndefined();
    }
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await publish(agency, i % 2 ? 'ReviewPassed' : 'ReviewSubmitted')).id);
    for (const r of endpoints) await waitFor('eight deliveries', () => r.requests.length >= 8);
    await new Promise((res) => setTimeout(res, 300));
    for (const r of endpoints) expect(r.acknowledged()).toEqual(ids);
  } finally {
    await Promise.all(extra.map((w) => w.stop()));
  }
});

test("an integrator scoped to agency A never receives agency B's events (while B's integrator does)", async () => {
  const ra = await receiver();
  const rb = await receiver();
  const [agencyA, agencyB] = [randomUUID(), randomUUID()];
  const intA = await token({ role: Role.INTEGRATOR, sub: 'int-scope-a', agencyId: agencyA });
  const intB = await token({ role: Role.INTEGRATOR, sub: 'int-scope-b', agencyIds: [agencyB] });
  const a = await register(intA, ra.url);
  const b = await register(intB, rb.url);
  expect(a.errors ?? b.errors).toBeUndefined();

  const a1 = await publish(agencyA);
  const b1 = await publish(agencyB);
  const a2 = await publish(agencyA, 'ReviewReturned');
  await waitFor("A's two events", () => ra.acknowledged().length === 2);
  await waitFor("B's event", () => rb.acknowledged().length === 1);
  await new Promise((res) => setTimeout(res, 300));
  expect(ra.acknowledged()).toEqual([a1.id, a2.id]);
  expect(rb.acknowledged()).toEqual([b1.id]);
  expect((await deliveries(intA, a.data.registerWebhook.id)).map((d) => d.eventId)).toEqual([a1.id, a2.id]);

  // Endpoints are private to their owner: B can neither see nor touch A's.
  const aId = a.data.registerWebhook.id;
  const listB = await p.gql(`{ webhookEndpoints { id } }`, {}, { token: intB });
  expect(listB.data.webhookEndpoints).toEqual([{ id: b.data.registerWebhook.id }]);
  for (const q of [
    `query($e: ID!) { webhookDeliveries(endpointId: $e) { edges { cursor } } }`,
    `mutation($e: ID!) { replayWebhook(endpointId: $e) { id } }`,
    `mutation($e: ID!) { deactivateWebhook(endpointId: $e) { id } }`,
  ]) {
    const res = await p.gql(q, { e: aId }, { token: intB });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  }
  expect((await p.gql(`{ webhookEndpoints { id active } }`, {}, { token: intA })).data.webhookEndpoints).toEqual([
    { id: aId, active: true },
  ]);
});

test('replay from a cursor re-sends exactly the events after it, in order; from the start, all of them', async () => {
  const r = await receiver();
  const agency = randomUUID();
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-replay', agencyIds: [agency] });
  const reg = await register(integrator, r.url);
  const endpointId = reg.data.registerWebhook.id;
  const events = [
    await publish(agency, 'ReviewSubmitted'),
    await publish(agency, 'ReviewReturned'),
    await publish(agency, 'ReviewPassed'),
  ];
  await waitFor('three deliveries', () => r.acknowledged().length === 3);
  const cursorOfFirst = r.requests[0].body.cursor;
  r.requests.length = 0;

  const replay = await p.gql(
    `mutation($e: ID!, $a: String) { replayWebhook(endpointId: $e, after: $a) { id cursor } }`,
    { e: endpointId, a: cursorOfFirst },
    { token: integrator },
  );
  expect(replay.errors).toBeUndefined();
  expect(replay.data.replayWebhook).toEqual({ id: endpointId, cursor: cursorOfFirst });
  await waitFor('the replayed events', () => r.acknowledged().length === 2);
  await new Promise((res) => setTimeout(res, 300));
  expect(r.acknowledged()).toEqual([events[1].id, events[2].id]);

  r.requests.length = 0;
  const fromStart = await p.gql(
    `mutation($e: ID!) { replayWebhook(endpointId: $e) { cursor } }`,
    { e: endpointId },
    { token: integrator },
  );
  expect(fromStart.data.replayWebhook).toEqual({ cursor: null });
  await waitFor('all events again', () => r.acknowledged().length === 3);
  await new Promise((res) => setTimeout(res, 300));
  expect(r.acknowledged()).toEqual(events.map((e) => e.id));

  const bad = await p.gql(
    `mutation($e: ID!) { replayWebhook(endpointId: $e, after: "garbage!") { id } }`,
    { e: endpointId },
    { token: integrator },
  );
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

  // Deactivated: nothing more is sent.
  const off = await p.gql(
    `mutation($e: ID!) { deactivateWebhook(endpointId: $e) { active } }`,
    { e: endpointId },
    { token: integrator },
  );
  expect(off.data.deactivateWebhook).toEqual({ active: false });
  r.requests.length = 0;
  await publish(agency);
  await new Promise((res) => setTimeout(res, 500));
  expect(r.requests).toEqual([]);
});

test('only INTEGRATORs manage webhooks and only ADMINs the allowlist', async () => {
  const agency = randomUUID();
  const officer = await token({ role: Role.OFFICER, sub: 'o-1', agencyId: agency });
  const supervisor = await token({ role: Role.SUPERVISOR, sub: 's-1', region: '宁晋县' });
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-roles', agencyIds: [agency] });
  for (const tok of [officer, supervisor, admin]) {
    const res = await register(tok, 'http://127.0.0.1:9/x');
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await p.gql(`{ webhookEndpoints { id } }`, {}, { token: tok })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  }
  expect((await register('', 'http://127.0.0.1:9/x')).errors?.[0].extensions?.code).toMatch(
    /UNAUTHENTICATED|FORBIDDEN/,
  );
  for (const tok of [integrator, officer]) {
    const res = await p.gql(`mutation { allowWebhookHost(host: "evil.example") { host } }`, {}, { token: tok });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await p.gql(`{ webhookAllowlist { host } }`, {}, { token: tok })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  }
  const list = await p.gql(`{ webhookAllowlist { host } }`, {}, { token: admin });
  expect(list.data.webhookAllowlist.map((h: { host: string }) => h.host)).not.toContain('evil.example');
});

describe('with the private-address relaxation OFF', () => {
  const allowPrivate = (on: boolean) => overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: on ? '1' : '0' });
  let restore: () => void;
  beforeAll(() => {
    restore = allowPrivate(false);
  });
  afterAll(() => restore());

  test('internal addresses, non-HTTP schemes, hosts off the allowlist and short secrets are refused with a clear reason', async () => {
    const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-refused', agencyIds: [randomUUID()] });
    // The admin allows them, so it is the address check (not the allowlist) that refuses.
    for (const h of ['10.0.0.1', 'localhost', '169.254.169.254', '[::1]', 'hooks.example.com']) {
      expect(
        (await p.gql(`mutation($h: String!) { allowWebhookHost(host: $h) { host } }`, { h }, { token: admin })).errors,
      ).toBeUndefined();
    }
    const cases: [string, string, RegExp][] = [
      ['http://10.0.0.1/', 'BAD_USER_INPUT', /internal address/],
      ['http://localhost/', 'BAD_USER_INPUT', /resolves to the internal address 127\.0\.0\.1|internal address/],
      ['http://169.254.169.254/latest/meta-data', 'BAD_USER_INPUT', /internal address/],
      ['http://[::1]:8080/', 'BAD_USER_INPUT', /internal address/],
      ['ftp://hooks.example.com/in', 'BAD_USER_INPUT', /http or https/],
      ['https://not-allowed.example/hooks', 'FORBIDDEN', /not on the webhook allowlist/],
      ['http://10.0.0.2/', 'FORBIDDEN', /not on the webhook allowlist/],
    ];
    for (const [url, code, message] of cases) {
      const res = await register(integrator, url);
      expect({ url, code: res.errors?.[0].extensions?.code }).toEqual({ url, code });
      expect(res.errors![0].message).toMatch(message);
      expect(res.errors![0].message).toMatch(/^url: /);
    }
    const short = await register(integrator, 'https://hooks.example.com/x', 'too-short');
    expect(short.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0].message).toMatch(/^secret: must be at least 16 characters/);
    // Nothing was half-written.
    expect((await p.gql(`{ webhookEndpoints { id } }`, {}, { token: integrator })).data.webhookEndpoints).toEqual([]);
  });

  test('the address is checked again at delivery: a loopback endpoint registered earlier is not sent to', async () => {
    allowPrivate(true);
    const r = await receiver();
    const agency = randomUUID();
    const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-rebind', agencyIds: [agency] });
    const reg = await register(integrator, r.url);
    expect(reg.errors).toBeUndefined();
    allowPrivate(false);
    const e = await publish(agency);
    const log = await waitFor('a refused attempt', async () => {
      const d = await deliveries(integrator, reg.data.registerWebhook.id);
      return d.length ? d : null;
    });
    expect(log[0]).toMatchObject({
      eventId: e.id,
      attempt: 1,
      httpStatus: null,
      outcome: 'FAILED_ATTEMPT',
      error: expect.stringContaining('internal address'),
    });
    expect(r.requests).toEqual([]);
    // Once allowed again (development), the retry delivers it.
    allowPrivate(true);
    await waitFor('the retried delivery', () => r.acknowledged().length === 1);
    expect(r.acknowledged()).toEqual([e.id]);
  });
});
