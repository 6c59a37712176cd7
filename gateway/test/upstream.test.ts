import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { SUBGRAPH_KEEP_ALIVE_MS } from '@tsp/shared';

import { proxyAgent } from '../src/proxy';
import { agent, UPSTREAM_IDLE_MS, upstreamFetcher } from '../src/upstream';

/**
 * The gateway's subgraph client against a real HTTP server that records what arrives: parallel
 * queries of one tick travel as one batch, identical queries in flight are asked once, mutations
 * always go alone, and a refused batch is retried one by one.
 */

interface Seen {
  body: unknown;
  authorization?: string;
}

let server: http.Server;
let url: string;
let seen: Seen[] = [];
/** How the server answers a single operation; a batch answers each element this way. */
let answer: (op: { query: string; variables?: Record<string, unknown> }) => unknown = (op) => ({
  data: { echo: op.variables ?? null },
});
let refuseBatches = false;
let status = 200;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      seen.push({ body, authorization: req.headers.authorization });
      // Answer after a pause, so that later identical requests find the first still in flight.
      setTimeout(() => {
        if (Array.isArray(body) && refuseBatches) {
          res.writeHead(400, { 'content-type': 'application/json' });
          return void res.end(JSON.stringify({ errors: [{ message: 'Operation batching disabled.' }] }));
        }
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'private' });
        res.end(JSON.stringify(Array.isArray(body) ? body.map(answer) : answer(body)));
      }, 30);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  seen = [];
  refuseBatches = false;
  status = 200;
  answer = (op) => ({ data: { echo: op.variables ?? null } });
});

const fetchOp = (query: string, variables: Record<string, unknown>, authorization = 'Bearer a') =>
  upstreamFetcher(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });

test('queries started in the same tick for the same caller travel as one batch, each gets its own answer', async () => {
  const [a, b] = await Promise.all([fetchOp('query A { a }', { n: 1 }), fetchOp('query B { b }', { n: 2 })]);
  expect(seen).toHaveLength(1);
  expect(Array.isArray(seen[0].body)).toBe(true);
  expect(await a.json()).toEqual({ data: { echo: { n: 1 } } });
  expect(await b.json()).toEqual({ data: { echo: { n: 2 } } });
  expect(a.headers.get('Cache-Control')).toBe('private');
});

test('different callers are never batched or shared together', async () => {
  await Promise.all([fetchOp('query A { a }', { n: 1 }, 'Bearer a'), fetchOp('query A { a }', { n: 1 }, 'Bearer b')]);
  expect(seen.map((s) => s.authorization).sort()).toEqual(['Bearer a', 'Bearer b']);
  expect(seen.every((s) => !Array.isArray(s.body))).toBe(true);
});

test('an identical query already in flight is asked once, and each waiter gets a private copy', async () => {
  const first = fetchOp('query A { a }', { n: 1 });
  await new Promise((r) => setTimeout(r, 5)); // the first is on the wire now
  const second = fetchOp('query A { a }', { n: 1 });
  const [x, y] = await Promise.all([first, second]);
  expect(seen).toHaveLength(1);
  const bx = await x.json();
  const by = await y.json();
  expect(by).toEqual(bx);
  bx.data.echo.n = 99; // the gateway merges into what it receives
  expect(by.data.echo.n).toBe(1);
  // Once answered, the same query is asked again.
  await fetchOp('query A { a }', { n: 1 });
  expect(seen).toHaveLength(2);
});

test('mutations go alone, in order, even when identical', async () => {
  await Promise.all([
    fetchOp('mutation M { m }', { n: 1 }),
    fetchOp('mutation M { m }', { n: 1 }),
    fetchOp('query A { a }', { n: 2 }),
  ]);
  expect(seen).toHaveLength(3);
  expect(seen.filter((s) => Array.isArray(s.body))).toHaveLength(0);
});

test('a refused batch is sent again one query at a time', async () => {
  refuseBatches = true;
  const [a, b] = await Promise.all([fetchOp('query A { a }', { n: 1 }), fetchOp('query B { b }', { n: 2 })]);
  expect(seen).toHaveLength(3);
  expect(await a.json()).toEqual({ data: { echo: { n: 1 } } });
  expect(await b.json()).toEqual({ data: { echo: { n: 2 } } });
});

test('an HTTP error reaches the data source with its status and body; an unreachable subgraph rejects', async () => {
  status = 400;
  answer = () => ({ errors: [{ message: 'Variable "$d" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }] });
  const r = await fetchOp('query A { a }', { n: 1 });
  expect(r.ok).toBe(false);
  expect(r.status).toBe(400);
  expect(JSON.parse(await r.text()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  await expect(
    upstreamFetcher('http://127.0.0.1:1/graphql', { headers: {}, body: '{"query":"{ a }"}' }),
  ).rejects.toThrow();
});

test('an idle connection to a subgraph is dropped before the subgraph would close it, so none is reused as it closes', () => {
  // A request sent on a kept-alive connection just as the subgraph closed it failed with ECONNRESET (CI, dashboard).
  expect((agent as http.Agent & { options: { timeout?: number } }).options.timeout).toBe(UPSTREAM_IDLE_MS);
  expect(UPSTREAM_IDLE_MS).toBeLessThan(SUBGRAPH_KEEP_ALIVE_MS);
});

test("file routes' connections drop idle ones as early, and are not the GraphQL client's (a slow download keeps one)", () => {
  // Node's global agent, which the routes used, drops idle sockets at 5 s: when the subgraphs close them.
  expect((proxyAgent as http.Agent & { options: { timeout?: number } }).options.timeout).toBe(UPSTREAM_IDLE_MS);
  expect(proxyAgent).not.toBe(agent);
});
