import net from 'node:net';

export interface RoundRobin {
  url: string;
  /** Connections handed to each upstream so far, in the order given. */
  handed: number[];
  close(): Promise<void>;
}

/**
 * An L4 balancer in front of the gateways, as a Kubernetes Service or a cloud TCP balancer would be: each new client
 * connection goes to the next upstream in turn and stays there (keep-alive clients are spread by connection, not by
 * request). Runs in the bench's own process, which is idle while autocannon loads.
 */
export async function startRoundRobin(upstreams: string[]): Promise<RoundRobin> {
  const targets = upstreams.map((u) => new URL(u));
  const handed = targets.map(() => 0);
  const open = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => s.destroy());
  };
  let next = 0;
  const server = net.createServer((client) => {
    const i = next++ % targets.length;
    handed[i]++;
    client.setNoDelay(true);
    const upstream = net.connect(Number(targets[i].port), targets[i].hostname);
    upstream.setNoDelay(true);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${targets[0].pathname}`,
    handed,
    close: () =>
      new Promise<void>((r) => {
        for (const s of open) s.destroy();
        server.close(() => r());
      }),
  };
}
