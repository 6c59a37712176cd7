import { randomBytes, randomUUID } from 'node:crypto';

import { migrateAll } from '@tsp/scripts/migrate';
import { Role } from '@tsp/shared';

import { createTestDatabase, sql } from './kit/db';
import { type ReceivedSpan, startOtlpReceiver } from './kit/otlp-receiver';
import { token } from './kit/platform';
import { type ServiceProcesses, startServiceProcesses } from './kit/service-processes';
import { Receiver, waitFor } from './kit/webhooks-receiver';

/**
 * The services run as their own processes (the SDK starts in each as in
 * production) and export OTLP/HTTP JSON to a receiver in this test.
 */
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let platform: ServiceProcesses;
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  await migrateAll(databaseUrl);
  receiver = await startOtlpReceiver();
  platform = await startServiceProcesses(
    databaseUrl,
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'info',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1',
      // Disclosure is left out to keep the file quick: the trace needs two subgraphs and one consumer.
    },
    { only: ['personnel', 'records', 'review', 'gateway'] },
  );
}, 240_000);
afterAll(async () => {
  await platform?.stop();
  await receiver?.close();
});

async function gql(query: string, variables: Record<string, unknown>, bearer: string) {
  const res = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, traceId: res.headers.get('x-trace-id') };
}

/** Polls the received spans until `done` holds for the trace's spans (exports are batched). */
async function traceWhere(
  traceId: string,
  done: (spans: ReceivedSpan[]) => boolean,
  ms = 20_000,
): Promise<ReceivedSpan[]> {
  const until = Date.now() + ms;
  for (;;) {
    const spans = receiver.spans.filter((s) => s.traceId === traceId);
    if (done(spans)) return spans;
    if (Date.now() > until)
      throw new Error(`trace ${traceId} incomplete: ${JSON.stringify(spans.map((s) => [s.service, s.name]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const isSql = (s: ReceivedSpan) =>
  s.attributes['db.system.name'] === 'postgresql' || s.attributes['db.system'] === 'postgresql';

test('one query through the gateway is one trace: gateway, two subgraphs, their SQL; x-trace-id and the log name it', async () => {
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const agencyId = (
    await gql(
      `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
      {
        i: {
          code: 'TR-01',
          name: '宁晋县市场监督管理局',
          kind: 'MARKET_REGULATION',
          region: '宁晋县',
          legalOfficeName: '法制股',
        },
      },
      admin,
    )
  ).data.createAgency.id;
  const officerId = (
    await gql(
      `mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`,
      { i: { agencyId, name: '张伟', position: '科员', roles: ['ENFORCEMENT'] } },
      admin,
    )
  ).data.registerOfficer.id;
  await gql(
    `mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`,
    {
      i: {
        officerId,
        number: 'HB-TR-0001',
        categories: ['PENALTY'],
        region: '宁晋县',
        issuedOn: '2024-01-01',
        expiresOn: '2030-12-31',
      },
    },
    admin,
  );
  const officer = await token({ role: Role.OFFICER, sub: officerId, agencyId });

  const opened = await gql(
    `mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }`,
    {
      i: {
        caseNumber: '宁市监罚〔2026〕追1号',
        category: 'PENALTY',
        cause: '销售不符合食品安全标准的食品',
        party: { type: 'ORGANIZATION', name: '宁晋县某某商贸有限公司' },
        handlerIds: [officerId],
      },
    },
    officer,
  );
  const caseId = opened.data.openCase.id as string;

  // The federated read: records owns the case, personnel resolves agency and handlers.
  const read = await gql(
    `query($id: ID!) { case(id: $id) { caseNumber agency { name } handlers { name } } }`,
    { id: caseId },
    officer,
  );
  expect(read.data.case.handlers).toEqual([{ name: '张伟' }]);
  const traceId = read.traceId!;
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);

  const byService = (spans: ReceivedSpan[], service: string) => spans.filter((s) => s.service === service);
  const spans = await traceWhere(
    traceId,
    (ss) =>
      // The gateway's server span ends last, once the answer is sent.
      ['records', 'personnel'].every((svc) => byService(ss, svc).some(isSql)) &&
      byService(ss, 'gateway').some((s) => !s.parentSpanId),
  );
  // Connected: one root (the gateway's server span), every other span's parent is in the same trace.
  const ids = new Set(spans.map((s) => s.spanId));
  const roots = spans.filter((s) => !s.parentSpanId);
  expect(roots.map((s) => s.service)).toEqual(['gateway']);
  for (const s of spans)
    if (s.parentSpanId) expect([s.service, s.name, ids.has(s.parentSpanId)]).toEqual([s.service, s.name, true]);
  // A span's SQL keeps its shape, never the values MikroORM inlined.
  for (const s of spans.filter(isSql)) expect(String(s.attributes['db.query.text'] ?? '')).not.toContain(caseId);

  // The gateway's log line of this request carries the same trace id.
  const line = platform.logs.gateway.find((l) => l.msg === 'request' && l.traceId === traceId);
  expect(line).toMatchObject({ operation: null, kind: 'query', errors: [] });

  // The event the open wrote carries the open's trace, and the consumers continue it.
  const [row] = await sql<{ traceparent: string | null }>(
    databaseUrl,
    `select traceparent from records.outbox where subject_id = $1 and type = 'CaseOpened'`,
    [caseId],
  );
  expect(row.traceparent).toMatch(new RegExp(`^00-${opened.traceId}-[0-9a-f]{16}-01$`));
  const producerSpanId = row.traceparent!.split('-')[2];
  const consumed = await traceWhere(opened.traceId!, (ss) =>
    ss.some((s) => s.service === 'review' && s.name === 'consume records.CaseOpened'),
  );
  const consume = consumed.find((s) => s.service === 'review' && s.name === 'consume records.CaseOpened')!;
  expect(consume.parentSpanId).toBe(producerSpanId);
  expect(consumed.find((s) => s.spanId === producerSpanId)?.service).toBe('records');
});

test('errors carry x-trace-id too', async () => {
  const res = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query": "{ nope "}',
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
});

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

test("the gateway ignores a client's traceparent: the request starts a root trace of its own", async () => {
  const foreign = hex(16);
  const res = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent: `00-${foreign}-${hex(8)}-01` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(res.status).toBe(200);
  const traceId = res.headers.get('x-trace-id')!;
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(traceId).not.toBe(foreign);
  const spans = await traceWhere(traceId, (ss) => ss.some((s) => s.service === 'gateway' && !s.parentSpanId));
  expect(spans.filter((s) => !s.parentSpanId).map((s) => s.service)).toEqual(['gateway']);
  expect(receiver.spans.some((s) => s.traceId === foreign)).toBe(false);
});

test("a GET request's query string (variables with personal data) is in no span attribute", async () => {
  const idNumber = '13052819900101123X';
  const url = new URL(platform.gatewayUrl);
  url.searchParams.set('query', 'query Q($n: String!) { __type(name: $n) { name } }');
  url.searchParams.set('variables', JSON.stringify({ n: idNumber }));
  const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
  expect([res.status, await res.json()]).toEqual([200, { data: { __type: null } }]);
  const traceId = res.headers.get('x-trace-id')!;
  const spans = await traceWhere(traceId, (ss) => ss.some((s) => s.service === 'gateway' && !s.parentSpanId));
  const server = spans.find((s) => s.service === 'gateway' && !s.parentSpanId)!;
  // The path stays, the query string does not.
  expect(Object.values(server.attributes)).toContain('/graphql');
  expect(receiver.spans.filter((s) => JSON.stringify(s).includes(idNumber))).toEqual([]);
});

test('a webhook delivery is traced as its attempt only: no client span, no traceparent to the integrator', async () => {
  const hook = await new Receiver().start();
  try {
    const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
    await gql(`mutation($h: String!) { allowWebhookHost(host: $h) { host } }`, { h: hook.hostPort }, admin);
    const agencyId = randomUUID();
    const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-traces', agencyIds: [agencyId] });
    await gql(
      `mutation($u: String!, $s: String!) { registerWebhook(url: $u, secret: $s) { id } }`,
      { u: hook.url, s: 'receiver-secret-0123456789' },
      integrator,
    );

    // A review event written by a (sampled) request of trace `traceId`, as publishEvent writes it.
    const traceId = hex(16);
    const id = randomUUID();
    await sql(
      databaseUrl,
      `insert into review.outbox
      (id, type, agency_id, region, subject_id, occurred_at, payload, traceparent)
      values ($1, 'ReviewPassed', $2, '宁晋县', $3, now(), '{}'::jsonb, $4)`,
      [id, agencyId, randomUUID(), `00-${traceId}-${hex(8)}-01`],
    );
    await sql(databaseUrl, `select pg_notify('tsp_events', 'review')`);

    const got = await waitFor('the delivery', () => hook.requests.find((r) => r.eventId === id), 20_000);
    expect(got.headers.traceparent).toBeUndefined();
    const spans = await traceWhere(traceId, (ss) => ss.some((s) => s.name === 'webhook review.ReviewPassed'));
    expect(spans.filter((s) => JSON.stringify(s.attributes).includes(String(hook.port)))).toEqual([]);
  } finally {
    await hook.stop();
  }
});
