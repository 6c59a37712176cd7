import type { Request } from 'express';

import { gatewayContext } from '../src/context';

/** The client address (sent on with mutations only) is resolved when read, once, from the request as it arrived. */
test('the client address is resolved only when read, survives Apollo’s copy of the context, and reads the arrival', () => {
  const socket = { remoteAddress: '::ffff:203.0.113.9' as string | undefined };
  const req = { headers: { 'x-forwarded-for': '198.51.100.7' }, socket, header: () => undefined } as unknown as Request;
  const seen: (string | undefined)[] = [];
  const resolve = (r: Request) => {
    seen.push(r.socket.remoteAddress);
    return `${r.socket.remoteAddress} via ${String(r.headers['x-forwarded-for'])}`;
  };
  const context = gatewayContext(req, resolve, { role: null });
  // What Apollo Server does with the context of each operation (cloneObject): own properties copied.
  const copy = Object.assign(
    Object.create(Object.getPrototypeOf(context) as object) as object,
    context,
  ) as typeof context;
  expect(seen).toEqual([]);
  socket.remoteAddress = undefined; // a closed socket forgets its peer
  expect(copy.clientAddress).toBe('::ffff:203.0.113.9 via 198.51.100.7');
  expect(copy.clientAddress).toBe('::ffff:203.0.113.9 via 198.51.100.7');
  expect(seen).toEqual(['::ffff:203.0.113.9']);
});
