import net from 'node:net';

import { listenForEvents, logger } from '@tsp/shared';

import { createTestDatabase, sql } from '../kit/db';

/** A TCP proxy to PostgreSQL that holds each new connection back, as a loaded machine does. */
async function slowProxy(target: URL, delayMs: number) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    setTimeout(() => {
      const upstream = net.connect(Number(target.port), target.hostname);
      sockets.add(upstream);
      client.pipe(upstream).pipe(client);
      const close = () => (client.destroy(), upstream.destroy());
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    }, delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = new URL(target);
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    close: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))),
  };
}

const log = logger('test:listener');
let databaseUrl: string;
let proxy: Awaited<ReturnType<typeof slowProxy>>;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  proxy = await slowProxy(new URL(databaseUrl), 300);
});
afterAll(() => proxy.close());

const listening = async () => {
  const [r] = await sql<{ n: number }>(
    databaseUrl,
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and query like 'listen %'`,
  );
  return r.n;
};
const settle = async (want: number) => {
  for (let i = 0; i < 100 && (await listening()) !== want; i++) await new Promise((r) => setTimeout(r, 20));
  return listening();
};

test('a connection slower than the retry interval opens one LISTEN connection, and stop closes it', async () => {
  const l = listenForEvents(proxy.url, () => undefined, log, 50);
  await new Promise((r) => setTimeout(r, 1000));
  expect(await listening()).toBe(1);
  await l.stop();
  // An open LISTEN connection keeps the process (a jest worker, a service being stopped) alive.
  expect(await settle(0)).toBe(0);
});

test('stop while the connection is still being made leaves no connection behind', async () => {
  const l = listenForEvents(proxy.url, () => undefined, log, 50);
  await new Promise((r) => setTimeout(r, 100));
  await l.stop();
  await new Promise((r) => setTimeout(r, 800));
  expect(await settle(0)).toBe(0);
});

test('a LISTEN connection the server drops is replaced by one new connection, which still receives notifications', async () => {
  const got: string[] = [];
  const l = listenForEvents(databaseUrl, (payload) => got.push(payload), log, 50);
  try {
    expect(await settle(1)).toBe(1);
    await sql(
      databaseUrl,
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'listen %'`,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await settle(1)).toBe(1);
    await sql(databaseUrl, `select pg_notify('tsp_events', 'after-reconnect')`);
    for (let i = 0; i < 100 && !got.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual(['after-reconnect']);
  } finally {
    await l.stop();
  }
  expect(await settle(0)).toBe(0);
});
