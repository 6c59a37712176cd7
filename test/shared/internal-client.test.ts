import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { InternalClient } from '@tsp/shared';

/**
 * A target that drops the first connection as its request arrives (as a server closing a kept-alive socket the
 * caller is reusing does), then answers. Counts the requests that reached it.
 */
async function droppingTarget(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    n++;
    if (n === 1) {
      req.socket.destroy();
      return;
    }
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { ok: true } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests: () => n,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

test('a read whose connection is dropped is asked again once, within its deadline, and answered', async () => {
  const target = await droppingTarget();
  try {
    const client = new InternalClient('inspection', 'personnel', target.url);
    await expect(client.request<{ ok: boolean }>('query Ok { ok }')).resolves.toEqual({ ok: true });
    expect(target.requests()).toBe(2);
  } finally {
    await target.close();
  }
});

test('a mutation whose connection is dropped is not sent again: DEPENDENCY_UNAVAILABLE, UNREACHABLE', async () => {
  const target = await droppingTarget();
  try {
    const client = new InternalClient('inspection', 'personnel', target.url);
    await expect(client.request('mutation Do { ok }')).rejects.toMatchObject({
      extensions: { code: 'DEPENDENCY_UNAVAILABLE', reason: 'UNREACHABLE', service: 'personnel' },
    });
    expect(target.requests()).toBe(1);
  } finally {
    await target.close();
  }
});
