import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { BREAKER, breakerState, DependencyFailure, InternalClient, overrideConfig, resetBreakers } from '@tsp/shared';

import { upstreamFetcher } from '../src/upstream';

/**
 * Bounded waits against a real local HTTP server: one that never answers (as a SIGSTOPped subgraph),
 * one that answers 503, one that answers GraphQL errors. The gateway's subgraph client and the
 * subgraph-to-subgraph client time out, count transport failures in a per-URL breaker and then fail
 * fast; a GraphQL error answer never opens the breaker.
 */

type Mode = 'hang' | 'fail503' | 'graphqlError' | 'ok';
let mode: Mode = 'ok';
let server: http.Server;
let base: string;
let seen = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen++;
      if (mode === 'hang') return; // never answers; closed in afterAll
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (mode === 'fail503') return json(503, { errors: [{ message: 'unavailable' }] });
      if (mode === 'graphqlError')
        return json(200, { errors: [{ message: 'nope', extensions: { code: 'NOT_FOUND' } }], data: null });
      json(200, { data: { ok: true } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

let restore: () => void;
beforeEach(() => {
  restore = overrideConfig({ SUBGRAPH_TIMEOUT_MS: '300' });
  resetBreakers();
  seen = 0;
});
afterEach(() => restore());

/** Each test its own path, so each has its own breaker. */
const gatewayPost = (path: string, n: number) =>
  upstreamFetcher(`${base}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { m${n} }` }),
  });

const reasonOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'answered';
  } catch (e) {
    return e instanceof DependencyFailure ? e.reason : `other: ${(e as Error).message}`;
  }
};

describe('gateway → subgraph', () => {
  test('a subgraph that never answers fails with TIMEOUT after SUBGRAPH_TIMEOUT_MS; enough of them open its breaker: CIRCUIT_OPEN without a request', async () => {
    mode = 'hang';
    const started = Date.now();
    expect(await reasonOf(gatewayPost('hang', 0))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    for (let i = 1; i < BREAKER.minCalls; i++) expect(await reasonOf(gatewayPost('hang', i))).toBe('TIMEOUT');
    expect(breakerState(`${base}/hang`)).toBe('open');
    const asked = seen;
    expect(await reasonOf(gatewayPost('hang', 99))).toBe('CIRCUIT_OPEN');
    expect(seen).toBe(asked);
  });

  test('HTTP 503 counts against the breaker but its reply still reaches the data source', async () => {
    mode = 'fail503';
    for (let i = 0; i < BREAKER.minCalls; i++) expect((await gatewayPost('503', i)).status).toBe(503);
    expect(await reasonOf(gatewayPost('503', 9))).toBe('CIRCUIT_OPEN');
  });

  test('GraphQL error answers are answers: the breaker stays closed', async () => {
    mode = 'graphqlError';
    for (let i = 0; i < BREAKER.minCalls * 2; i++) expect((await gatewayPost('gqlerr', i)).status).toBe(200);
    expect(breakerState(`${base}/gqlerr`)).toBe('closed');
  });

  test('a port nobody listens on is UNREACHABLE', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(
      await reasonOf(upstreamFetcher(`http://127.0.0.1:${port}/graphql`, { body: '{"query":"mutation { x }"}' })),
    ).toBe('UNREACHABLE');
  });
});

describe('subgraph → subgraph (InternalClient)', () => {
  const call = (path: string, timeoutMs = 300) =>
    new InternalClient('records', 'personnel', `${base}/${path}`, timeoutMs).request('{ ok }');
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
      return undefined;
    } catch (e) {
      return (e as { extensions?: Record<string, unknown> }).extensions;
    }
  };

  test('no answer within the timeout: DEPENDENCY_UNAVAILABLE naming the target, reason TIMEOUT; then CIRCUIT_OPEN', async () => {
    mode = 'hang';
    expect(await failure(call('i-hang'))).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      service: 'personnel',
      reason: 'TIMEOUT',
    });
    for (let i = 1; i < BREAKER.minCalls; i++) await failure(call('i-hang'));
    const asked = seen;
    expect(await failure(call('i-hang'))).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      service: 'personnel',
      reason: 'CIRCUIT_OPEN',
    });
    expect(seen).toBe(asked);
  });

  test('its refusals pass through and never open the breaker', async () => {
    mode = 'graphqlError';
    for (let i = 0; i < BREAKER.minCalls * 2; i++)
      expect(await failure(call('i-gqlerr'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(breakerState(`${base}/i-gqlerr`)).toBe('closed');
  });

  test('after the open interval one trial call goes through and closes the breaker when it is answered', async () => {
    mode = 'fail503';
    for (let i = 0; i < BREAKER.minCalls; i++)
      expect(await failure(call('i-503'))).toMatchObject({ reason: 'HTTP_5XX' });
    expect(breakerState(`${base}/i-503`)).toBe('open');
    mode = 'ok';
    for (const end = Date.now() + BREAKER.openMs * 3; breakerState(`${base}/i-503`) === 'open' && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 100));
    expect(await call('i-503')).toEqual({ ok: true });
    expect(breakerState(`${base}/i-503`)).toBe('closed');
  });
});
