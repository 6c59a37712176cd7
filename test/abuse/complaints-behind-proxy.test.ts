import { overrideConfig } from '@tsp/shared';

import { sql } from '../kit/db';
import { type Platform, startPlatform } from '../kit/platform';
import { type RecordsWorld, setupWorld } from '../kit/records-fixtures';

/**
 * Behind a reverse proxy every client arrives from the proxy's address, so one busy proxy would use up everyone's
 * complaint allowance. With TRUSTED_PROXIES naming the proxy (here loopback, where the tests connect from), the
 * gateway counts the client the proxy appended to X-Forwarded-For; what a client prepends itself changes nothing.
 */
let p: Platform;
let w: RecordsWorld;
let restore: () => void;

const SUBMIT = `mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { receiptCode } }`;
const submit = (n: number, forwardedFor?: string) =>
  p.gql(
    SUBMIT,
    { i: { agencyId: w.agencyA, subject: `代理后的投诉 ${n}`, content: '内容', kind: 'REPORT', anonymous: true } },
    { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} },
  );
const counted = async () =>
  (
    await sql<{ key: string; points: number }>(
      p.databaseUrl,
      `select key, points from supervision.complaint_rate where key like 'hour:%' order by key`,
    )
  ).map((r) => `${r.key}=${r.points}`);

beforeAll(async () => {
  restore = overrideConfig({ TRUSTED_PROXIES: 'loopback' });
  p = await startPlatform();
  w = await setupWorld(p);
}, 180_000);
afterAll(async () => {
  await p?.stop();
  restore?.();
});

test('the client a trusted proxy names is counted, not the proxy, and prepended entries are ignored', async () => {
  expect((await submit(1, '198.51.100.7')).errors).toBeUndefined();
  // A client sending its own X-Forwarded-For: the proxy appends the real peer, the nearest untrusted entry.
  expect((await submit(2, '203.0.113.9, 198.51.100.8')).errors).toBeUndefined();
  // IPv6 clients are counted by their /64, as without a proxy.
  expect((await submit(3, '2001:db8:1:2::5')).errors).toBeUndefined();
  // No header: the proxy itself (or a direct caller) is the client.
  expect((await submit(4)).errors).toBeUndefined();
  expect(await counted()).toEqual([
    'hour:127.0.0.1=1',
    'hour:198.51.100.7=1',
    'hour:198.51.100.8=1',
    'hour:2001:db8:1:2::/64=1',
  ]);
});

test("one client's limit does not refuse the others behind the same proxy", async () => {
  for (let n = 5; n <= 6; n++) expect((await submit(n, '198.51.100.7')).errors).toBeUndefined();
  const refused = await submit(7, '198.51.100.7');
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'hour' });
  expect((await submit(8, '198.51.100.20')).errors).toBeUndefined();
});
