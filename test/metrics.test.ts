import { randomUUID } from 'node:crypto';

import { runJournalAudit } from '@tsp/records';
import {
  INTERNAL_SECRET_HEADER,
  internalSecret,
  overrideConfig,
  publishEvent,
  Role,
  type SubgraphName,
} from '@tsp/shared';
import { Client } from 'pg';

import { JOURNAL_APPEND_LOCK } from '../subgraphs/records/src/journal/store';
import { sql } from './kit/db';
import { type Platform, startPlatform, token } from './kit/platform';
import { pollUntil } from './kit/until';
import { Receiver } from './kit/webhooks-receiver';

// Before the platform starts: a loopback webhook receiver is allowed, and retries are fast.
overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', WEBHOOK_RETRY_BASE_MS: '50' });

let p: Platform;
const receiver = new Receiver();
/** GET /metrics on the gateway's or a subgraph's HTTP port. */
const metricsUrl = (service: 'gateway' | SubgraphName) =>
  (service === 'gateway' ? p.gatewayUrl : p.subgraphs[service].url).replace(/\/graphql$/, '/metrics');
const SECRET = () => ({ [INTERNAL_SECRET_HEADER]: internalSecret() });
const scrape = async (service: 'gateway' | SubgraphName, headers: Record<string, string> = SECRET()) => {
  const res = await fetch(metricsUrl(service), { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
/** The exposition's sample lines (labels without escaped quotes, which ours never carry). */
function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not an exposition line: ${line}`);
      const labels = Object.fromEntries(
        [...(m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="([^"]*)"/g)].map((l) => [l[1], l[2]]),
      );
      return { name: m[1], labels, value: Number(m[3]) };
    });
}
const find = (text: string, name: string, labels: Record<string, string> = {}) =>
  samples(text).filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const value = (text: string, name: string, labels: Record<string, string> = {}) => {
  const found = find(text, name, labels);
  if (found.length !== 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
  return found[0].value;
};

beforeAll(async () => {
  p = await startPlatform();
  const admin = await token({ role: Role.ADMIN, sub: 'admin-metrics' });
  const created = await p.gql(
    `mutation MetricsCreateAgency($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
    { i: { code: 'M01', name: '指标局', kind: 'PLANNING', region: '宁晋县', legalOfficeName: '法制股' } },
    { token: admin },
  );
  expect(created.errors).toBeUndefined();
}, 120_000);
afterAll(async () => {
  await p?.stop();
  await receiver.stop();
});

const AGENCIES = `query MetricsAgencies {
  agencies(region: "宁晋县") { id reviewerStaffing { required } caseCount reviewCatalog { id } }
}`;

test('requests by operation and outcome with durations, at the gateway and in subgraphs; upstream calls', async () => {
  const ok = await p.gql(AGENCIES);
  expect(ok.errors).toBeUndefined();
  const refused = await p.gql(`query MetricsCases { cases(first: 1) { edges { node { id } } } }`);
  expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  const g = await scrape('gateway');
  expect(g.status).toBe(200);
  expect(g.type).toContain('text/plain');
  const gv = (name: string, labels: Record<string, string>) => value(g.text, name, labels);
  const agencies = { operation: 'MetricsAgencies', outcome: 'ok' };
  const cases = { operation: 'MetricsCases', outcome: 'UNAUTHENTICATED' };
  expect(gv('tsp_graphql_requests_total', { service: 'gateway', ...agencies })).toBe(1);
  expect(gv('tsp_graphql_requests_total', cases)).toBe(1);
  expect(gv('tsp_graphql_requests_total', { operation: 'MetricsCreateAgency', outcome: 'ok' })).toBe(1);
  expect(gv('tsp_graphql_request_duration_seconds_count', cases)).toBe(1);
  expect(gv('tsp_graphql_request_duration_seconds_bucket', { ...agencies, le: '+Inf' })).toBe(1);
  expect(gv('tsp_graphql_request_duration_seconds_sum', agencies)).toBeGreaterThan(0);

  // The gateway asked records (refused) and, for the agencies, personnel, records and review.
  expect(gv('tsp_upstream_requests_total', { subgraph: 'records', outcome: 'UNAUTHENTICATED' })).toBe(1);
  for (const subgraph of ['personnel', 'records', 'review']) {
    expect(gv('tsp_upstream_requests_total', { subgraph, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(gv('tsp_upstream_request_duration_seconds_count', { subgraph, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  }
  expect(find(g.text, 'tsp_upstream_requests_total', { subgraph: 'disclosure' })).toEqual([]);

  // Process metrics, once per scrape.
  const PROCESS = ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds'];
  for (const name of [...PROCESS, 'nodejs_heap_size_used_bytes']) expect(find(g.text, name).length).toBe(1);

  // personnel answered the gateway's fetch (named by the gateway after the client's operation) and ran SQL for it.
  const personnel = await scrape('personnel');
  const fetches = find(personnel.text, 'tsp_graphql_requests_total', { service: 'personnel', outcome: 'ok' }).filter(
    (s) => /^MetricsAgencies__personnel__\d+$/.test(s.labels.operation),
  );
  expect(fetches.length).toBeGreaterThanOrEqual(1);
  expect(value(personnel.text, 'tsp_sql_statements_total', { service: 'personnel', scope: 'request' })).toBeGreaterThan(
    0,
  );
  expect(find(personnel.text, 'process_cpu_user_seconds_total').length).toBe(1);
  const records = await scrape('records');
  expect(
    find(records.text, 'tsp_graphql_requests_total', { service: 'records', outcome: 'UNAUTHENTICATED' }).length,
  ).toBeGreaterThanOrEqual(1);
});

test("/metrics answers 403 without the internal secret, with a wrong one, or with a user's token", async () => {
  const admin = await token({ role: Role.ADMIN, sub: 'admin-metrics' });
  for (const service of ['gateway', 'review'] as const) {
    const refused: Record<string, string>[] = [
      {},
      { [INTERNAL_SECRET_HEADER]: 'wrong' },
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${admin}` },
    ];
    for (const headers of refused) {
      const r = await scrape(service, headers);
      expect([service, r.status]).toEqual([service, 403]);
      expect(r.text).not.toContain('tsp_');
    }
    expect((await scrape(service, { authorization: `Bearer ${internalSecret()}` })).status).toBe(200);
  }
});

test('with METRICS_TOKEN set, /metrics takes only it; INTERNAL_SECRET (signs service tokens) is refused', async () => {
  const restore = overrideConfig({ METRICS_TOKEN: 'metrics-test-scrape-token' });
  try {
    for (const service of ['gateway', 'records'] as const) {
      expect([service, (await scrape(service)).status]).toEqual([service, 403]);
      expect((await scrape(service, { authorization: `Bearer ${internalSecret()}` })).status).toBe(403);
      const ok = await scrape(service, { authorization: 'Bearer metrics-test-scrape-token' });
      expect([service, ok.status]).toEqual([service, 200]);
      expect(ok.text).toContain('tsp_graphql_requests_total');
    }
  } finally {
    restore();
  }
});

test('requests whose operation never resolves (unparsable, invalid) take no operation label slot', async () => {
  const post = (query: string, operationName: string) =>
    fetch(p.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName }),
    });
  const refusedAsOther = (text: string) =>
    find(text, 'tsp_graphql_requests_total', { operation: 'other', outcome: 'BAD_USER_INPUT' })[0]?.value ?? 0;
  const before = refusedAsOther((await scrape('gateway')).text);
  for (let i = 0; i < 150; i += 10)
    await Promise.all(
      Array.from({ length: 10 }, async (_, j) => {
        const n = i + j;
        const r = await post(n % 2 ? `query Junk${n} {` : `query Junk${n} { noSuchField }`, `Junk${n}`);
        const body = (await r.json()) as { errors?: { extensions?: { reason?: string } }[] };
        expect(body.errors?.[0]?.extensions?.reason).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
      }),
    );
  expect((await p.gql(`query MetricsAfterJunk { __typename }`)).errors).toBeUndefined();
  const g = await scrape('gateway');
  const operations = new Set(find(g.text, 'tsp_graphql_requests_total').map((s) => s.labels.operation));
  expect([...operations].filter((o) => o.startsWith('Junk'))).toEqual([]);
  expect(value(g.text, 'tsp_graphql_requests_total', { operation: 'MetricsAfterJunk', outcome: 'ok' })).toBe(1);
  expect(refusedAsOther(g.text) - before).toBe(150);
});

test('a flood of distinct operation names stays bounded: 100 names, the rest "other"', async () => {
  for (let i = 0; i < 150; i += 10)
    await Promise.all(
      Array.from({ length: 10 }, async (_, j) => {
        expect((await p.gql(`query Flood${i + j} { __typename }`)).errors).toBeUndefined();
      }),
    );
  const g = await scrape('gateway');
  const operations = new Set(find(g.text, 'tsp_graphql_requests_total').map((s) => s.labels.operation));
  const named = [...operations].filter((o) => o !== 'other' && o !== 'anonymous');
  expect(named.length).toBe(100);
  expect(operations.has('Flood149')).toBe(false);
  // The names before the flood (4) and the first 96 of it keep theirs: 54 flood requests are "other".
  expect(value(g.text, 'tsp_graphql_requests_total', { operation: 'other', outcome: 'ok' })).toBe(54);
  expect(find(g.text, 'tsp_graphql_request_duration_seconds_count').length).toBeLessThanOrEqual(102 * 2);
});

test('review reports its webhook queue, failing endpoints and delivery outcomes', async () => {
  const webhooks = async () => {
    const { text } = await scrape('review');
    expect(find(text, 'tsp_metrics_collect_failures_total')).toEqual([]);
    const delivered = (outcome: string) => value(text, 'tsp_webhook_deliveries_total', { outcome });
    return {
      queued: value(text, 'tsp_webhook_queue_events', { service: 'review' }),
      failing: value(text, 'tsp_webhook_endpoints_failing'),
      failingSeconds: value(text, 'tsp_webhook_failing_seconds'),
      delivered: delivered('DELIVERED'),
      failed: delivered('FAILED_ATTEMPT'),
      gaveUp: delivered('GAVE_UP'),
    };
  };
  expect(await webhooks()).toEqual({ queued: 0, failing: 0, failingSeconds: 0, delivered: 0, failed: 0, gaveUp: 0 });

  // A receiver that fails until told otherwise, for one agency's review events.
  await receiver.start();
  receiver.answer = () => 500;
  const admin = await token({ role: Role.ADMIN, sub: 'admin-metrics' });
  const allow = `mutation($h: String!) { allowWebhookHost(host: $h) { host } }`;
  expect((await p.gql(allow, { h: receiver.hostPort }, { token: admin })).errors).toBeUndefined();
  const agencyId = randomUUID();
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-metrics', agencyIds: [agencyId] });
  const reg = await p.gql(
    `mutation($u: String!, $s: String!) { registerWebhook(url: $u, secret: $s) { id } }`,
    { u: receiver.url, s: 'receiver-secret-0123456789' },
    { token: integrator },
  );
  expect(reg.errors).toBeUndefined();
  for (let i = 0; i < 2; i++) {
    await p.subgraphs.review.orm.em.fork().transactional((em) =>
      publishEvent(em, 'review', {
        type: 'ReviewPassed',
        agencyId,
        region: '宁晋县',
        subjectId: randomUUID(),
        payload: { reviewId: randomUUID() },
      }),
    );
  }
  // Head of line: the first event fails, so both wait; the endpoint counts as failing.
  const failing = await pollUntil(webhooks, (w) => w.failed >= 1 && w.failing === 1);
  expect(failing).toMatchObject({ queued: 2, failing: 1, delivered: 0, gaveUp: 0 });
  expect(failing.failed).toBeGreaterThanOrEqual(1);
  expect(failing.failingSeconds).toBeGreaterThanOrEqual(0);
  expect(failing.failingSeconds).toBeLessThan(120);

  receiver.answer = () => 200;
  expect(await pollUntil(webhooks, (w) => w.queued === 0)).toMatchObject({
    queued: 0,
    failing: 0,
    failingSeconds: 0,
    delivered: 2,
  });
});

test('records reports its newest journal self-audit: when, and intact', async () => {
  const before = Date.now() / 1000;
  const run = await runJournalAudit(p.subgraphs.records.orm.em.fork());
  expect(run?.ok).toBe(true);
  const records = await scrape('records');
  const at = value(records.text, 'tsp_journal_last_audit_timestamp_seconds', { service: 'records' });
  // The database's clock stamps the audit: allow a second of skew against ours.
  expect(at).toBeGreaterThan(before - 1);
  expect(at).toBeLessThan(Date.now() / 1000 + 1);
  expect(value(records.text, 'tsp_journal_intact')).toBe(1);
  expect(value(records.text, 'tsp_journal_audit_problems')).toBe(0);
  expect(value(records.text, 'tsp_journal_queued_leaves')).toBe(0);
  expect(value(records.text, 'tsp_journal_queue_oldest_seconds')).toBe(0);
});

test('records reports leaves waiting in the journal queue, and how long the oldest has waited', async () => {
  const entryId = randomUUID();
  // The append lock held, so that no integration (the self-audit's) moves the row meanwhile.
  const holder = new Client({ connectionString: p.databaseUrl });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock($1)', [JOURNAL_APPEND_LOCK]);
    // As a write whose integration failed leaves it.
    await sql(
      p.databaseUrl,
      `insert into records.journal_queue (entry_id, case_id, leaf_hash, queued_at)
       values ($1, $2, sha256('metrics'), now() - interval '90 seconds')`,
      [entryId, randomUUID()],
    );
    const records = await scrape('records');
    expect(value(records.text, 'tsp_journal_queued_leaves')).toBe(1);
    expect(value(records.text, 'tsp_journal_queue_oldest_seconds')).toBeGreaterThanOrEqual(90);
  } finally {
    await sql(p.databaseUrl, 'delete from records.journal_queue where entry_id = $1', [entryId]);
    await holder.query('rollback').catch(() => undefined);
    await holder.end();
  }
});

test('a subgraph reports its WAL flushes after group commits, by outcome', async () => {
  const flushes = async () =>
    value((await scrape('records')).text, 'tsp_wal_flush_seconds_count', { service: 'records', outcome: 'ok' });
  const before = await flushes();
  await p.subgraphs.records.orm.em.fork().transactional((em) =>
    publishEvent(em, 'records', {
      type: 'MetricsFlush',
      agencyId: randomUUID(),
      region: '宁晋县',
      subjectId: randomUUID(),
      payload: {},
    }),
  );
  expect(await flushes()).toBe(before + 1);
  expect(value((await scrape('records')).text, 'tsp_wal_flush_seconds_count', { outcome: 'failed' })).toBe(0);
});

test('consumer lag: events after the cursor and the age of the oldest, back to 0 once applied', async () => {
  const lag = async (consumer: string) => {
    const { text } = await scrape('disclosure');
    return {
      events: value(text, 'tsp_event_consumer_lag_events', { consumer }),
      seconds: value(text, 'tsp_event_consumer_lag_seconds', { consumer }),
    };
  };
  expect(await lag('disclosure.reviews')).toEqual({ events: 0, seconds: 0 });
  // Hold disclosure.decisions' cursor (it skips a locked cursor), then give records an hour-old event it ignores.
  const holder = new Client({ connectionString: p.databaseUrl });
  await holder.connect();
  try {
    await holder.query('begin');
    const cursor = 'disclosure.consumer_cursor';
    await holder.query(`insert into ${cursor} (consumer) values ('disclosure.decisions') on conflict do nothing`);
    await holder.query(`select position from ${cursor} where consumer = 'disclosure.decisions' for update`);
    await sql(
      p.databaseUrl,
      `insert into records.outbox (id, type, agency_id, region, subject_id, occurred_at, payload)
      values ($1, 'MetricsProbe', $2, '宁晋县', 'x', now() - interval '1 hour', '{}')`,
      [randomUUID(), randomUUID()],
    );
    const held = await lag('disclosure.decisions');
    expect(held.events).toBe(1);
    expect(held.seconds).toBeGreaterThanOrEqual(3600);
    expect(held.seconds).toBeLessThan(3600 + 120);
  } finally {
    await holder.query('rollback').catch(() => undefined);
    await holder.end();
  }
  expect(
    await pollUntil(
      () => lag('disclosure.decisions'),
      (l) => l.events === 0,
    ),
  ).toEqual({ events: 0, seconds: 0 });
});
