import net from 'node:net';

import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { blameDatabase, Heartbeat, isDatabaseUnreachable } from '@tsp/shared';
import { Client } from 'pg';

/** Which errors blame the database (no database here: real connection failures against local sockets). */
describe('isDatabaseUnreachable', () => {
  const failedConnect = async (port: number, timeoutMs?: number) => {
    const c = new Client({ host: '127.0.0.1', port, user: 'x', database: 'x', connectionTimeoutMillis: timeoutMs });
    try {
      await c.connect();
      throw new Error('connected?');
    } catch (e) {
      return e;
    } finally {
      // Not awaited: ending a client whose connect failed may never settle (see events/listener.ts).
      void c.end().catch(() => undefined);
    }
  };

  test('refused, cut and timed-out connections do, also wrapped by MikroORM; a refused statement does not', async () => {
    const s = net.createServer((sock) => sock.destroy()); // accepts, then cuts
    const held: net.Socket[] = [];
    const hang = net.createServer((sock) => void held.push(sock)); // accepts, never answers
    const closed = net.createServer();
    for (const x of [s, hang, closed]) await new Promise<void>((r) => x.listen(0, '127.0.0.1', r));
    const port = (x: net.Server) => (x.address() as net.AddressInfo).port;
    const closedPort = port(closed);
    await new Promise<void>((r) => closed.close(() => r()));
    try {
      const refused = await failedConnect(closedPort);
      const cut = await failedConnect(port(s));
      const timedOut = await failedConnect(port(hang), 200);
      for (const e of [refused, cut, timedOut]) {
        expect(isDatabaseUnreachable(e)).toBe(true);
        expect(isDatabaseUnreachable(new DriverException(e as Error))).toBe(true);
      }
      expect(
        isDatabaseUnreachable(
          Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
        ),
      ).toBe(true);
      const dup = new UniqueConstraintViolationException(
        Object.assign(new Error('duplicate key value'), { code: '23505' }),
      );
      expect(isDatabaseUnreachable(dup)).toBe(false);
      expect(blameDatabase('records', dup)).toBe(dup);
      expect((blameDatabase('records', refused) as { extensions: unknown }).extensions).toEqual({
        code: 'DEPENDENCY_UNAVAILABLE',
        service: 'records database',
        reason: 'UNREACHABLE',
      });
    } finally {
      for (const sock of held) sock.destroy();
      for (const x of [s, hang]) await new Promise<void>((r) => x.close(() => r()));
    }
  });
});

describe('Heartbeat', () => {
  test('stuck once a beat is overdue by more than the bound; a stopped worker never is', () => {
    const h = new Heartbeat('w', 1000);
    const t0 = Date.now();
    h.beat(5000); // next beat due in 5 s
    expect(h.status(t0 + 5900).ok).toBe(true);
    expect(h.status(t0 + 6100)).toMatchObject({ name: 'w', ok: false });
    h.beat(); // a run starts: it has the bound to finish
    const t1 = Date.now();
    expect(h.status(t1 + 900).ok).toBe(true);
    expect(h.status(t1 + 1100).ok).toBe(false);
    h.stop();
    expect(h.status(t1 + 60_000).ok).toBe(true);
  });
});
