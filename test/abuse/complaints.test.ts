import { createHash } from 'node:crypto';

import { CLIENT_ADDRESS_HEADER, INTERNAL_SECRET_HEADER, internalSecret } from '@tsp/shared';

import { sql } from '../kit/db';
import { type Platform, startPlatform } from '../kit/platform';
import { type RecordsWorld, setupWorld } from '../kit/records-fixtures';

/**
 * 投诉举报 is a public write without CAPTCHA: the supervision subgraph counts submissions per client address (default
 * 3 an hour, 10 a day), in PostgreSQL so every instance shares the count. Tests cannot choose their source address,
 * so this proves the address counted is the socket's, whatever a client claims in headers.
 */
let p: Platform;
let w: RecordsWorld;

const SUBMIT = `mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { receiptCode status } }`;
const input = (n: number) => ({
  agencyId: w.agencyA,
  subject: `重复投诉 ${n}`,
  content: '内容',
  name: '孙丽',
  phone: '13912345678',
});

beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
}, 180_000);
afterAll(async () => {
  await p?.stop();
});

test('the fourth submission within the hour from one address is RATE_LIMITED, whatever address headers it forges', async () => {
  const forged = (n: number) => ({
    [CLIENT_ADDRESS_HEADER]: `203.0.113.${n}`,
    'x-forwarded-for': `198.51.100.${n}`,
    'x-real-ip': `192.0.2.${n}`,
  });
  for (let n = 1; n <= 3; n++) {
    const r = await p.gql(SUBMIT, { i: input(n) }, { headers: forged(n) });
    expect([n, r.errors]).toEqual([n, undefined]);
  }
  const refused = await p.gql(SUBMIT, { i: input(4) }, { headers: forged(4) });
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'hour' });
  const wait = refused.errors![0].extensions!.retryAfterSeconds as number;
  expect(wait).toBeGreaterThan(3000);
  expect(wait).toBeLessThanOrEqual(3600);
  // Nothing written for the refused one; the counts sit under the socket's address (IPv4, not ::ffff:127.0.0.1).
  const rows = await sql<{ n: string }>(p.databaseUrl, `select count(*) as n from supervision.complaint`);
  expect(Number(rows[0].n)).toBe(3);
  const keys = await sql<{ key: string; points: number }>(
    p.databaseUrl,
    `select key, points from supervision.complaint_rate order by key`,
  );
  expect(keys).toEqual([
    { key: 'day:127.0.0.1', points: 4 },
    { key: 'hour:127.0.0.1', points: 4 },
  ]);
  // Reading the receipt is not limited.
  const code = 'AAAAAAAAAAAAAAAAAAAAAA';
  for (let i = 0; i < 5; i++)
    expect((await p.gql(`query($c: String!) { complaintByReceipt(code: $c) { status } }`, { c: code })).errors).toBe(
      undefined,
    );
});

test('input is checked before counting: a malformed submission uses up nothing', async () => {
  const before = await sql<{ points: number }>(
    p.databaseUrl,
    `select points from supervision.complaint_rate where key = 'hour:127.0.0.1'`,
  );
  const r = await p.gql(SUBMIT, { i: { ...input(9), content: '长'.repeat(5001) } });
  expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const after = await sql<{ points: number }>(
    p.databaseUrl,
    `select points from supervision.complaint_rate where key = 'hour:127.0.0.1'`,
  );
  expect(after).toEqual(before);
});

test('the subgraph counts the address the gateway sends; only holders of the internal secret reach it', async () => {
  const url = p.subgraphs.supervision.url;
  const body = JSON.stringify({ query: SUBMIT, variables: { i: input(10) } });
  const post = (headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  // A client cannot call the subgraph itself to pick its address.
  expect((await post({ [CLIENT_ADDRESS_HEADER]: '203.0.113.50' })).status).toBe(403);
  // The gateway's header, for another (IPv4-mapped) address, is counted under that address.
  const r = await post({ [INTERNAL_SECRET_HEADER]: internalSecret(), [CLIENT_ADDRESS_HEADER]: '::ffff:203.0.113.50' });
  const json = (await r.json()) as { data?: { submitComplaint: { receiptCode: string } }; errors?: unknown };
  expect(json.errors).toBeUndefined();
  const hash = createHash('sha256').update(json.data!.submitComplaint.receiptCode).digest('hex');
  expect(await sql(p.databaseUrl, `select 1 from supervision.complaint where receipt_hash = $1`, [hash])).toHaveLength(
    1,
  );
  const keys = await sql<{ key: string }>(
    p.databaseUrl,
    `select key from supervision.complaint_rate where key like '%203.0.113.50' order by key`,
  );
  expect(keys.map((k) => k.key)).toEqual(['day:203.0.113.50', 'hour:203.0.113.50']);
});
