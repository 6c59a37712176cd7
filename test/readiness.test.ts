import { type RunningGateway, startGateway } from '@tsp/gateway';
import { personnel as personnelService } from '@tsp/personnel';
import {
  INTERNAL_SECRET_HEADER,
  internalSecret,
  logger,
  overrideConfig,
  periodicWorker,
  Role,
  type RunningSubgraph,
  startSubgraph,
  type SubgraphName,
} from '@tsp/shared';

import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { startTcpProxy, type TcpProxy } from './kit/tcp-proxy';
import { pollUntil } from './kit/until';

/**
 * Readiness tells the truth: a subgraph's /ready checks its database and its workers'
 * heartbeats, the gateway's /ready names the subgraphs that are not ready, and while a subgraph's
 * PostgreSQL is unreachable clients are told so ("personnel database"), not that personnel did not answer.
 *
 * Personnel runs a second time here with its database reached through a TCP proxy the test can cut
 * (a partition: connections hang, so the connect and pool timeouts are what answers), behind a gateway
 * of its own; the other subgraphs are the platform's.
 */

let p: Platform;
let proxy: TcpProxy;
let personnel: RunningSubgraph;
let gateway: RunningGateway;
let admin: string;

const readyOf = async (url: string, headers: Record<string, string> = {}) => {
  const r = await fetch(url.replace(/\/graphql$/, '/ready'), { headers });
  return {
    status: r.status,
    body: (await r.json()) as { ready: boolean; failing: string[]; subgraphs?: Record<string, { failing: string[] }> },
  };
};
const SECRET = () => ({ [INTERNAL_SECRET_HEADER]: internalSecret() });
const agencies = (): Promise<GqlResult> => p.gql('{ agencies { id name } }', {}, { token: admin, url: gateway.url });

beforeAll(async () => {
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-ready' });
  const created = await p.gql(
    `mutation { createAgency(input: { code: "R-1", name: "就绪县某局", kind: OTHER, region: "宁晋县", legalOfficeName: "法制股" }) { id } }`,
    {},
    { token: admin },
  );
  expect(created.errors).toBeUndefined();
  const db = new URL(p.databaseUrl);
  proxy = await startTcpProxy({ host: db.hostname, port: Number(db.port) });
  const viaProxy = new URL(p.databaseUrl);
  viaProxy.port = String(proxy.port);
  personnel = await startSubgraph(personnelService, { databaseUrl: viaProxy.toString() });
  const urls = Object.fromEntries(Object.entries(p.subgraphs).map(([n, s]) => [n, s.url])) as Record<
    SubgraphName,
    string
  >;
  gateway = await startGateway({ urls: { ...urls, personnel: personnel.url } });
});

afterAll(async () => {
  proxy?.restore();
  await gateway?.stop();
  await personnel?.stop();
  await proxy?.close();
  await p?.stop();
});

test('ready: the subgraph names its database and workers as checked; the gateway lists every subgraph ready', async () => {
  const sub = await readyOf(personnel.url);
  expect(sub).toMatchObject({ status: 200, body: { ready: true, failing: [], database: { ok: true } } });
  const records = await readyOf(p.subgraphs.records.url);
  expect(records.status).toBe(200);
  expect((records.body as unknown as { workers: { name: string }[] }).workers.map((w) => w.name)).toEqual(
    expect.arrayContaining(['records:journal-audit', 'records:blob-sweeper']),
  );
  const gw = await readyOf(gateway.url, SECRET());
  expect(gw).toMatchObject({ status: 200, body: { ready: true, failing: [] } });
  expect(Object.keys(gw.body.subgraphs!).sort()).toEqual([
    'disclosure',
    'inspection',
    'personnel',
    'records',
    'review',
    'supervision',
  ]);
  expect(await readyOf(gateway.url)).toEqual({ status: 200, body: { ready: true, failing: [] } });
  const restore = overrideConfig({ METRICS_TOKEN: 'ready-test-scrape-token' });
  try {
    const scraper = await readyOf(gateway.url, { authorization: 'Bearer ready-test-scrape-token' });
    expect(Object.keys(scraper.body.subgraphs ?? {})).toHaveLength(6);
    expect((await readyOf(gateway.url, { authorization: 'Bearer wrong' })).body.subgraphs).toBeUndefined();
  } finally {
    restore();
  }
});

test('PostgreSQL unreachable: /ready 503 naming the database, the gateway 503 naming personnel, queries DEPENDENCY_UNAVAILABLE "personnel database"; all recover', async () => {
  expect((await agencies()).errors).toBeUndefined();
  proxy.cut();
  try {
    const sub = await pollUntil(
      () => readyOf(personnel.url),
      (r) => r.status === 503,
    );
    expect(sub).toMatchObject({ status: 503, body: { ready: false, failing: ['personnel database'] } });
    expect(await readyOf(p.subgraphs.records.url)).toMatchObject({ status: 200 });
    // The gateway's /ready is public: subgraph names only; what failed inside personnel needs the secret.
    const gw = await pollUntil(
      () => readyOf(gateway.url, SECRET()),
      (r) => r.status === 503,
    );
    expect(gw).toMatchObject({ status: 503, body: { ready: false, failing: ['personnel'] } });
    expect(gw.body.subgraphs!.personnel.failing).toEqual(['personnel database']);
    const anonymous = await readyOf(gateway.url);
    expect(anonymous).toEqual({ status: 503, body: { ready: false, failing: ['personnel'] } });
    expect(JSON.stringify(anonymous.body)).not.toMatch(/database|worker|HTTP/);

    // Answered by personnel within its connect/acquire timeouts (5 s / 8 s), before the gateway's 10 s.
    const r = await agencies();
    const err = r.errors?.[0];
    expect(err?.extensions).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', service: 'personnel database' });
    expect(err?.message).toMatch(/^personnel database did not answer/);
    expect(JSON.stringify(r)).not.toMatch(/127\.0\.0\.1|ECONN|timeout acquiring/i);
  } finally {
    proxy.restore();
  }
  expect(
    await pollUntil(
      () => readyOf(personnel.url),
      (x) => x.status === 200,
    ),
  ).toMatchObject({ status: 200, body: { ready: true } });
  expect(
    await pollUntil(
      () => readyOf(gateway.url),
      (x) => x.status === 200,
    ),
  ).toMatchObject({ status: 200 });
  const back = await pollUntil(agencies, (x) => !x.errors);
  expect(back.errors).toBeUndefined();
  expect(back.data.agencies.map((a: { name: string }) => a.name)).toContain('就绪县某局');
});

test('a stuck background worker makes /ready 503 naming it; once it moves again the subgraph is ready', async () => {
  let release!: () => void;
  const hanging = new Promise<void>((r) => (release = r));
  let runs = 0;
  const stuck = await startSubgraph(
    {
      ...personnelService,
      workers: () => [
        periodicWorker({
          name: 'test.hanging-run',
          // A run may last 300 ms before it counts as stuck (WORKER_STUCK_MS is 5 minutes by default).
          stuckMs: 300,
          run: async () => {
            runs++;
            await hanging;
          },
          firstRunMs: 0,
          next: () => 60_000,
          log: logger('test'),
          failure: 'test run failed',
        }),
      ],
    },
    { databaseUrl: p.databaseUrl },
  );
  try {
    const r = await pollUntil(
      () => readyOf(stuck.url),
      (x) => x.status === 503,
    );
    expect(runs).toBe(1);
    expect(r).toMatchObject({ status: 503, body: { ready: false, failing: ['worker test.hanging-run'] } });
    expect((r.body as unknown as { database: { ok: boolean } }).database.ok).toBe(true);
    release();
    expect(
      await pollUntil(
        () => readyOf(stuck.url),
        (x) => x.status === 200,
      ),
    ).toMatchObject({ status: 200, body: { ready: true } });
  } finally {
    release();
    await stuck.stop();
  }
});
