import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { type RunningGateway, startGateway } from '@tsp/gateway';
import {
  INTERNAL_SECRET_HEADER,
  internalSecret,
  overrideConfig,
  Role,
  type SubgraphName,
  SUBGRAPHS,
} from '@tsp/shared';

import { token } from './kit/platform';

/**
 * The gateway's own HTTP edges against a fake subgraph (no database): the blob proxy gives up on a
 * subgraph that does not answer and lets go of it when the client does; the public /ready is one
 * shared, cached check that names subgraphs only.
 */

let fake: http.Server;
let gateway: RunningGateway;
let base: string;
let admin: string;
const readyHits: string[] = [];
let download: Socket | undefined;
const served = new WeakSet<Socket>();
let flakyHits = 0;

beforeAll(async () => {
  fake = http.createServer((req, res) => {
    const ready = /^\/(\w+)\/ready$/.exec(req.url ?? '');
    if (ready) {
      readyHits.push(ready[1]);
      const failing = ready[1] === 'records' ? ['worker records:journal-audit'] : [];
      res.writeHead(failing.length ? 503 : 200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ ready: !failing.length, failing }));
    }
    if (req.url === '/blobs/endless') {
      // A download that never ends: one chunk, then the rest is "still coming".
      download = req.socket;
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void res.write(Buffer.alloc(64 * 1024));
    }
    if (req.url === '/blobs/flaky') {
      // Answers a connection's first request only; a reused connection is closed unanswered, as a subgraph whose
      // keep-alive ran out as the gateway sent on it.
      if (served.has(req.socket)) return void req.socket.destroy();
      served.add(req.socket);
      flakyHits++;
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('bytes');
    }
    // /blobs/silent: never answers.
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  const port = (fake.address() as AddressInfo).port;
  const urls = Object.fromEntries(SUBGRAPHS.map((n) => [n, `http://127.0.0.1:${port}/${n}/graphql`]));
  gateway = await startGateway({ urls: urls as Record<SubgraphName, string> });
  base = gateway.url.replace(/\/graphql$/, '');
  admin = await token({ role: Role.ADMIN, sub: 'admin-proxy' });
});

afterAll(async () => {
  await gateway?.stop();
  fake?.closeAllConnections();
  await new Promise((r) => fake?.close(r));
});

async function until<T>(probe: () => T | Promise<T>, done: (t: T) => boolean, ms = 10_000): Promise<T> {
  let last = await probe();
  for (const end = Date.now() + ms; !done(last) && Date.now() < end; last = await probe())
    await new Promise((r) => setTimeout(r, 50));
  return last;
}

// First, so no earlier answer is cached.
test('/ready: concurrent anonymous probes share one check and see subgraph names only', async () => {
  const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/ready`)));
  expect(answers.map((a) => a.status)).toEqual(Array(20).fill(503));
  expect(readyHits.sort()).toEqual([...SUBGRAPHS].sort());
  const body = await answers[0].json();
  expect(body).toEqual({ ready: false, failing: ['records'] });
  const secret = { [INTERNAL_SECRET_HEADER]: internalSecret() };
  const inside = await (await fetch(`${base}/ready`, { headers: secret })).json();
  expect(inside).toMatchObject({
    failing: ['records'],
    subgraphs: { records: { failing: ['worker records:journal-audit'] } },
  });
});

test('a download sent on a kept-alive connection the subgraph has just closed is sent again on a new one', async () => {
  const headers = { authorization: `Bearer ${admin}` };
  const first = await fetch(`${base}/blobs/flaky`, { headers });
  expect([first.status, await first.text()]).toEqual([200, 'bytes']);
  // The gateway reuses its idle connection, which the subgraph closes without an answer.
  const second = await fetch(`${base}/blobs/flaky`, { headers });
  expect([second.status, await second.text()]).toEqual([200, 'bytes']);
  expect(flakyHits).toBe(2);
});

test('a subgraph that does not answer a blob request: 504 DEPENDENCY_UNAVAILABLE', async () => {
  const restore = overrideConfig({ SUBGRAPH_TIMEOUT_MS: '300' });
  try {
    const r = await fetch(`${base}/blobs/silent`, { headers: { authorization: `Bearer ${admin}` } });
    expect(r.status).toBe(504);
    const body = (await r.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('DEPENDENCY_UNAVAILABLE');
  } finally {
    restore();
  }
});

test('a client abandoning a download mid-way: the gateway closes its request to the subgraph', async () => {
  const abort = new AbortController();
  const headers = { authorization: `Bearer ${admin}` };
  const r = await fetch(`${base}/blobs/endless`, { headers, signal: abort.signal });
  expect(r.status).toBe(200);
  const reader = r.body!.getReader();
  expect((await reader.read()).done).toBe(false);
  expect(download?.destroyed).toBe(false);
  abort.abort();
  await reader.cancel().catch(() => undefined);
  expect(
    await until(
      () => download!.destroyed,
      (d) => d,
    ),
  ).toBe(true);
});
