import http from 'node:http';

/** Test receivers for webhook deliveries (loopback HTTP servers standing in for integrators). */
export interface Received {
  eventId: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: {
    id: string;
    type: string;
    occurredAt: string;
    agencyId: string;
    subjectId: string;
    payload: Record<string, unknown>;
    /** The log `cursor` belongs to: review (reviewEvents) or inspection (inspectionEvents). */
    source: string;
    cursor: string;
  };
  status: number;
}

/** A loopback integrator: records every request; `answer(n)` decides the status of the n-th request (1-based). */
export class Receiver {
  readonly requests: Received[] = [];
  answer: (n: number, body: Received['body']) => number = () => 200;
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as Received['body'];
      const status = this.answer(this.requests.length + 1, body);
      this.requests.push({ eventId: String(req.headers['x-tsp-event-id']), headers: req.headers, raw, body, status });
      res.writeHead(status).end();
    });
  });
  port = 0;
  async start() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }
  get hostPort() {
    return `127.0.0.1:${this.port}`;
  }
  get url() {
    return `http://${this.hostPort}/hooks/tsp`;
  }
  /** Event ids the receiver acknowledged (answered 2xx), in arrival order. */
  acknowledged() {
    return this.requests.filter((r) => r.status < 300).map((r) => r.eventId);
  }
  stop() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}

export async function waitFor<T>(
  what: string,
  fn: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
