import { randomBytes, randomUUID } from 'node:crypto';

import { openOrm, overrideConfig, publishEvent, Role } from '@tsp/shared';

import { migrations } from '../subgraphs/review/src/migrations';
import { openSecret } from '../subgraphs/review/src/webhooks/secret-box';
import { verifyWebhookSignature } from '../subgraphs/review/src/webhooks/signature';
import { createTestDatabase, sql } from './kit/db';
import { type Platform, startPlatform, token } from './kit/platform';
import { Receiver, waitFor } from './kit/webhooks-receiver';

// Before the platform starts: loopback receivers, fast retries, and a configured key (the production path).
const KEY = randomBytes(32).toString('base64');
overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_SECRET_KEY: KEY });

const SECRET = 'receiver-secret-at-rest-0123456789';

let p: Platform;
let r: Receiver;
let admin: string;

beforeAll(async () => {
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  r = await new Receiver().start();
  expect(
    (await p.gql(`mutation($h: String!) { allowWebhookHost(host: $h) { host } }`, { h: r.hostPort }, { token: admin }))
      .errors,
  ).toBeUndefined();
});
afterAll(async () => {
  await p?.stop();
  await r?.stop();
});

async function registered(sub: string) {
  const agency = randomUUID();
  const integrator = await token({ role: Role.INTEGRATOR, sub, agencyIds: [agency] });
  const reg = await p.gql(
    `mutation($u: String!, $s: String!) { registerWebhook(url: $u, secret: $s) { id } }`,
    { u: r.url, s: SECRET },
    { token: integrator },
  );
  expect(reg.errors).toBeUndefined();
  return { agency, integrator, id: reg.data.registerWebhook.id as string };
}

function publish(agencyId: string) {
  const reviewId = randomUUID();
  return p.subgraphs.review.orm.em.fork().transactional((em) =>
    publishEvent(em, 'review', {
      type: 'ReviewPassed',
      agencyId,
      region: '宁晋县',
      subjectId: reviewId,
      payload: { reviewId, status: 'PASSED' },
    }),
  );
}

test('the stored row holds the secret only encrypted, and deliveries are still signed with the secret itself', async () => {
  const { agency, id } = await registered('int-at-rest');
  const [row] = await sql<Record<string, unknown>>(
    p.databaseUrl,
    `select * from review.webhook_endpoint where id = $1`,
    [id],
  );
  expect(row).not.toHaveProperty('secret');
  const sealed = row.secret_sealed as Buffer;
  expect(Buffer.isBuffer(sealed)).toBe(true);
  expect(sealed[0]).toBe(1);
  // Nowhere in the row, in any column, as text: the whole row cast to text by PostgreSQL.
  const [asText] = await sql<{ t: string }>(
    p.databaseUrl,
    `select e::text as t from review.webhook_endpoint e where id = $1`,
    [id],
  );
  expect(asText.t).not.toContain(SECRET);
  expect(sealed.includes(Buffer.from(SECRET))).toBe(false);
  expect(openSecret(id, sealed, Buffer.from(KEY, 'base64'))).toBe(SECRET);

  const e = await publish(agency);
  const got = await waitFor('the delivery', () => r.requests.find((q) => q.eventId === e.id));
  expect(verifyWebhookSignature(SECRET, got.headers['x-tsp-signature'] as string, got.raw)).toEqual({
    ok: true,
    timestamp: expect.any(Number),
  });
});

test('with the wrong WEBHOOK_SECRET_KEY nothing is sent or counted as failed; with the right one again the event goes out signed', async () => {
  const { agency, integrator, id } = await registered('int-wrong-key');
  const restoreKey = overrideConfig({ WEBHOOK_SECRET_KEY: randomBytes(32).toString('hex') });
  const before = new Date();
  const e = await publish(agency);
  // The worker postpones the endpoint when it cannot open the secret.
  await waitFor('the worker to postpone the endpoint', async () => {
    const [row] = await sql<{ next_attempt_at: Date }>(
      p.databaseUrl,
      `select next_attempt_at from review.webhook_endpoint where id = $1`,
      [id],
    );
    return row.next_attempt_at > before;
  });
  await new Promise((res) => setTimeout(res, 300));
  expect(r.requests.filter((q) => q.eventId === e.id)).toEqual([]);
  const [row] = await sql<{ position: string; failed_attempts: number; failing_since: Date | null }>(
    p.databaseUrl,
    `select position, failed_attempts, failing_since from review.webhook_endpoint where id = $1`,
    [id],
  );
  expect(row).toMatchObject({ failed_attempts: 0, failing_since: null });
  expect(Number(row.position)).toBeLessThan(e.position);
  expect(await sql(p.databaseUrl, `select 1 from review.webhook_delivery where endpoint_id = $1`, [id])).toEqual([]);

  restoreKey();
  const got = await waitFor('the delivery with the right key', () => r.requests.find((q) => q.eventId === e.id));
  expect(verifyWebhookSignature(SECRET, got.headers['x-tsp-signature'] as string, got.raw).ok).toBe(true);
  const log = await waitFor('the delivery log row', async () => {
    const res = await p.gql(
      `query($e: ID!) { webhookDeliveries(endpointId: $e) { edges { node { eventId attempt outcome } } } }`,
      { e: id },
      { token: integrator },
    );
    return res.data?.webhookDeliveries.edges.length ? res.data.webhookDeliveries.edges : null;
  });
  expect(log).toEqual([{ node: { eventId: e.id, attempt: 1, outcome: 'DELIVERED' } }]);
});

test("the migration encrypts secrets of endpoints registered before it, with the service's key", async () => {
  const databaseUrl = await createTestDatabase();
  const orm = await openOrm({ schema: 'review', clientUrl: databaseUrl, entities: [], migrations, poolMax: 1 });
  try {
    await orm.em.getConnection().execute(`create schema if not exists review`);
    await orm.getMigrator().up({ to: '0002_review_webhooks' });
    const ids: string[] = [randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      await sql(
        databaseUrl,
        `insert into review.webhook_endpoint (id, owner, url, secret, region) values ($1, 'int-old', 'http://hooks.example.com/', $2, '宁晋县')`,
        [id, `legacy-plaintext-secret-${i}`],
      );
    }
    // Up to the sealing migration only: later migrations are not this test's subject.
    expect((await orm.getMigrator().up({ to: '0003_review_webhook_secret_sealed' })).map((m) => m.name)).toEqual([
      '0003_review_webhook_secret_sealed',
    ]);
    const rows = await sql<{ id: string; secret_sealed: Buffer; t: string }>(
      databaseUrl,
      `select id, secret_sealed, e::text as t from review.webhook_endpoint e order by id`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const i = ids.indexOf(row.id);
      expect(row.t).not.toContain('legacy-plaintext-secret');
      expect(openSecret(row.id, row.secret_sealed)).toBe(`legacy-plaintext-secret-${i}`);
    }
    const [col] = await sql<{ n: number }>(
      databaseUrl,
      `select count(*)::int as n from information_schema.columns where table_schema = 'review' and table_name = 'webhook_endpoint' and column_name = 'secret'`,
    );
    expect(col.n).toBe(0);
  } finally {
    await orm.close();
  }
});
