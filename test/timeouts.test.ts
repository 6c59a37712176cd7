import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

import { type RunningGateway, startGateway } from '@tsp/gateway';
import { migrateAll } from '@tsp/scripts/migrate';
import {
  childEnv,
  INTERNAL_SECRET_HEADER,
  internalSecret,
  overrideConfig,
  Role,
  type SubgraphName,
  SUBGRAPHS,
} from '@tsp/shared';

import { createTestDatabase } from './kit/db';
import { type GqlResult, token } from './kit/platform';
import { pollUntil } from './kit/until';

/**
 * A hung subgraph: personnel runs as its own process (as under `npm start`) and is
 * SIGSTOPped. Behind a gateway with SUBGRAPH_TIMEOUT_MS=1500 a query answers DEPENDENCY_UNAVAILABLE
 * naming personnel with reason TIMEOUT instead of waiting 60 s; repeated timeouts open personnel's
 * breaker (CIRCUIT_OPEN, no wait); after SIGCONT it answers again. Only personnel runs: the query
 * asks nothing else, and the other subgraphs' URLs lead nowhere.
 */

const RUN_SERVICE = path.join(__dirname, '..', 'scripts', 'dist', 'run-service.js');
let child: ChildProcess | undefined;
let gateway: RunningGateway;
let admin: string;
let personnelUrl: string;

const SECRET = () => ({ [INTERNAL_SECRET_HEADER]: internalSecret() });
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
async function agencies(): Promise<GqlResult> {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: '{ agencies { id } }' }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}
const failure = (r: GqlResult) => r.errors?.[0]?.extensions;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  await migrateAll(databaseUrl, ['personnel']);
  admin = await token({ role: Role.ADMIN, sub: 'admin-timeouts' });
  const port = await freePort();
  personnelUrl = `http://127.0.0.1:${port}/graphql`;
  child = spawn(process.execPath, [RUN_SERVICE, 'personnel'], {
    env: childEnv({ PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }),
    stdio: 'ignore',
  });
  const health = await pollUntil(
    () =>
      fetch(personnelUrl.replace(/\/graphql$/, '/health')).then(
        (r) => r.status,
        () => 0,
      ),
    (s) => s === 200,
    45_000,
  );
  expect(health).toBe(200);
  overrideConfig({ SUBGRAPH_TIMEOUT_MS: '1500' });
  const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
  const urls = Object.fromEntries(SUBGRAPHS.map((n) => [n, nowhere])) as Record<SubgraphName, string>;
  gateway = await startGateway({ urls: { ...urls, personnel: personnelUrl } });
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    await exited;
  }
  await gateway?.stop();
});

test('SIGSTOPped subgraph: TIMEOUT naming it, then CIRCUIT_OPEN without waiting, and the gateway /ready names it; after SIGCONT it answers again', async () => {
  expect((await agencies()).errors).toBeUndefined();
  child!.kill('SIGSTOP');
  try {
    const started = Date.now();
    const first = await agencies();
    expect(failure(first)).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', service: 'personnel', reason: 'TIMEOUT' });
    expect(first.errors![0].message).toMatch(/^personnel did not answer in time/);
    // It was 60 s per request before; now SUBGRAPH_TIMEOUT_MS bounds it.
    expect(Date.now() - started).toBeLessThan(30_000);

    // What each subgraph named is for callers with the internal secret (the public /ready names subgraphs only).
    const ready = await fetch(gateway.url.replace(/\/graphql$/, '/ready'), { headers: SECRET() });
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { failing: string[]; subgraphs: Record<string, { failing: string[] }> };
    expect(body.failing).toContain('personnel');
    expect(body.subgraphs.personnel.failing).toEqual(['did not answer']);

    // Timeouts in a row open personnel's breaker; from then on the answer comes without asking.
    const open = await pollUntil(agencies, (r) => failure(r)?.reason === 'CIRCUIT_OPEN', 40_000);
    expect(failure(open)).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      service: 'personnel',
      reason: 'CIRCUIT_OPEN',
    });
    // CIRCUIT_OPEN comes only from the breaker refusing to send: the stopped process was not asked.
    expect(failure(await agencies())).toMatchObject({ reason: 'CIRCUIT_OPEN' });
  } finally {
    child!.kill('SIGCONT');
  }
  const back = await pollUntil(agencies, (r) => !r.errors, 30_000);
  expect(back.errors).toBeUndefined();
  expect(back.data).toEqual({ agencies: [] });
  const readyRes = await fetch(gateway.url.replace(/\/graphql$/, '/ready'), { headers: SECRET() });
  const ready = (await readyRes.json()) as { subgraphs: Record<string, unknown> };
  expect(ready.subgraphs.personnel).toEqual({ ready: true, failing: [] });
});
