import http from 'node:http';

export interface HookReceiver {
  /** Host and port, for the webhook allowlist. */
  hostPort: string;
  url(path: string): string;
  /** Event ids received on each path, in arrival order (the X-Tsp-Event-Id header). */
  received: Map<string, string[]>;
  close(): Promise<void>;
}

/** A loopback integrator for the bench's webhook endpoints: answers 200 to every delivery and remembers its event id. */
export async function startHookReceiver(): Promise<HookReceiver> {
  const received = new Map<string, string[]>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '/';
      if (!received.has(path)) received.set(path, []);
      received.get(path)!.push(String(req.headers['x-tsp-event-id']));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const hostPort = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    hostPort,
    url: (path) => `http://${hostPort}${path}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
