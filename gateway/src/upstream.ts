import http from 'node:http';

import { DependencyFailure, SUBGRAPH_KEEP_ALIVE_MS } from '@tsp/shared';

import { LIMITS } from './limits/numbers.js';
import { guardedPost } from './upstream-guard.js';

/**
 * The gateway's HTTP client for subgraph fetches. Two things make it cheaper than one request per fetch:
 *
 * - **Batching.** Fetches to the same subgraph with the same headers (the same caller) that start in the
 *   same tick — the branches of a query plan's Parallel node — go as one HTTP request carrying a JSON
 *   array (Apollo Server's batched requests). The subgraph verifies the caller once and its per-request
 *   DataLoaders serve every operation of the batch together.
 * - **In-flight deduplication.** A query identical in URL, headers and body to one already on its way
 *   waits for that answer instead of asking again (what Apollo Router and Hive Gateway call query
 *   deduplication). Same caller, same question, same moment: the answer is the same.
 *
 * Mutations are never batched or shared: each is sent alone, in the order the plan gives.
 */

export interface UpstreamReply {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The parsed JSON body; each caller gets its own copy, since the gateway merges into it. */
  body: unknown;
  /** The raw body, for error replies. */
  text: string;
  /** Its size on the wire. */
  bytes: number;
}

interface Waiter {
  resolve(r: UpstreamReply): void;
  reject(e: unknown): void;
}

/** One query on its way, and everyone waiting for its answer. */
interface Pending {
  key: string;
  body: string;
  waiters: Waiter[];
}

/** One subgraph answer larger than the gateway will hold (limits/numbers.ts maxUpstreamBytes). */
export class UpstreamTooLarge extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`a subgraph answer passed ${limit} bytes`);
  }
}
/**
 * An idle connection to a subgraph is dropped a second before the subgraph would close it: reused just as the server
 * closes it, a request failed with ECONNRESET ("<subgraph> did not answer", seen in CI). Node's agent keeps idle
 * sockets without limit otherwise. On a socket in use the timeout only emits an event; postOnce has its own deadline.
 */
export const UPSTREAM_IDLE_MS = SUBGRAPH_KEEP_ALIVE_MS - 1000;
export const agent = new http.Agent({
  keepAlive: true,
  maxSockets: 256,
  scheduling: 'lifo',
  timeout: UPSTREAM_IDLE_MS,
});

type Raw = Omit<UpstreamReply, 'body'>;

const post = (url: string, headers: Record<string, string>, body: string): Promise<Raw> =>
  guardedPost(url, (timeoutMs) => postOnce(url, headers, body, timeoutMs));

function postOnce(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    // The whole exchange, not just socket idleness: a stopped subgraph must not hold the request.
    const deadline = setTimeout(() => {
      reject(new DependencyFailure('TIMEOUT', `no answer within ${timeoutMs} ms`));
      req.destroy();
    }, timeoutMs);
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          // Stop reading before an answer too large to merge fills the heap.
          if (bytes > LIMITS.maxUpstreamBytes)
            return void req.destroy(new UpstreamTooLarge(bytes, LIMITS.maxUpstreamBytes));
          chunks.push(c);
        });
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers as Record<string, string>,
            text: Buffer.concat(chunks).toString('utf8'),
            bytes,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('close', () => clearTimeout(deadline));
    req.on('error', reject);
    req.end(body);
  });
}

const reply = (r: Raw, body: unknown): UpstreamReply => ({ ...r, body });

function parse(r: Raw): UpstreamReply {
  try {
    return reply(r, JSON.parse(r.text));
  } catch {
    return reply(r, undefined);
  }
}

export class Upstream {
  /** Queries waiting for this tick's flush, by URL + headers. */
  private readonly queue = new Map<string, { url: string; headers: Record<string, string>; items: Pending[] }>();
  /** Queries queued or sent and not yet answered, by URL + headers + body. */
  private readonly inFlight = new Map<string, Pending>();

  /** Sends a mutation alone. */
  async send(url: string, headers: Record<string, string>, body: string): Promise<UpstreamReply> {
    return parse(await post(url, headers, body));
  }

  /** Sends a query, batched with this tick's other queries for the same subgraph and caller, or shared with an identical one in flight. */
  query(url: string, headers: Record<string, string>, body: string): Promise<UpstreamReply> {
    return new Promise((resolve, reject) => {
      const group = `${url}\n${JSON.stringify(headers)}`;
      const key = `${group}\n${body}`;
      const same = this.inFlight.get(key);
      if (same) return void same.waiters.push({ resolve, reject });
      const pending: Pending = { key, body, waiters: [{ resolve, reject }] };
      this.inFlight.set(key, pending);
      let g = this.queue.get(group);
      if (!g) {
        this.queue.set(group, (g = { url, headers, items: [] }));
        // nextTick runs once the current wave of promise callbacks has settled: every branch of a
        // Parallel node has reached this point by then.
        process.nextTick(() => void this.flush(group));
      }
      g.items.push(pending);
    });
  }

  /** `ownText`: r.text is this reply's body alone (not a batch's), so copies can be parsed from it. */
  private settle(p: Pending, r: UpstreamReply, ownText = false): void {
    this.inFlight.delete(p.key);
    // Copies first, before anyone can touch the original: the gateway writes into what it receives. Parsing the
    // text again takes about half the CPU of structuredClone on a page of publications.
    const copy = (): unknown => (ownText ? JSON.parse(r.text) : structuredClone(r.body));
    const replies = p.waiters.map((_, i) => (i === 0 || r.body === undefined ? r : { ...r, body: copy() }));
    p.waiters.forEach((w, i) => w.resolve(replies[i]));
  }

  private fail(p: Pending, e: unknown): void {
    this.inFlight.delete(p.key);
    p.waiters.forEach((w) => w.reject(e));
  }

  private async flush(group: string): Promise<void> {
    const { url, headers, items } = this.queue.get(group)!;
    this.queue.delete(group);
    const alone = (p: Pending) =>
      this.send(url, headers, p.body).then(
        (r) => this.settle(p, r, true),
        (e) => this.fail(p, e),
      );
    if (items.length === 1) return alone(items[0]);
    try {
      const r = await post(url, headers, `[${items.map((p) => p.body).join(',')}]`);
      const bodies = r.status === 200 ? parse(r).body : null;
      if (Array.isArray(bodies) && bodies.length === items.length) {
        const share = { ...r, bytes: Math.ceil(r.bytes / items.length) }; // each request weighs its part of the batch
        return items.forEach((p, i) => this.settle(p, reply(share, bodies[i])));
      }
    } catch (e) {
      // Hung or known down: asking again one by one would only wait again. (A reset connection is retried.)
      if (e instanceof DependencyFailure && e.reason !== 'UNREACHABLE') return items.forEach((p) => this.fail(p, e));
    }
    // A batch that failed as a whole is sent again one by one (queries only), so each gets its own answer or error.
    await Promise.all(items.map(alone));
  }
}

/** Only what RemoteGraphQLDataSource reads of a fetch response, and its size. */
export class UpstreamResponse {
  constructor(private readonly r: UpstreamReply) {}
  get bytes() {
    return this.r.bytes;
  }
  get ok() {
    return this.r.status >= 200 && this.r.status < 300;
  }
  get status() {
    return this.r.status;
  }
  readonly headers = { get: (name: string): string | null => this.r.headers[name.toLowerCase()] ?? null };
  // any, as the Fetch API types it: callers read the GraphQL response shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async json(): Promise<any> {
    if (this.r.body === undefined) throw new SyntaxError(`not JSON: ${this.r.text.slice(0, 200)}`);
    return this.r.body;
  }
  async text() {
    return this.r.text;
  }
}

/**
 * The planner writes a subgraph query as `query …` or `{…}`; anything else (mutations above all) is
 * sent alone. The gateway's request body starts with the query (RemoteGraphQLDataSource puts it first).
 */
const QUERY_BODY = /^\{"query":"(query\b|\{)/;

const client = new Upstream();

/** A `fetcher` for RemoteGraphQLDataSource: one shared client, so batching and deduplication see every fetch. */
export async function upstreamFetcher(
  url: string,
  init?: { method?: string; headers?: unknown; body?: unknown },
): Promise<UpstreamResponse> {
  const headers = Object.fromEntries(
    Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  const body = String(init?.body ?? '');
  return new UpstreamResponse(
    QUERY_BODY.test(body) ? await client.query(url, headers, body) : await client.send(url, headers, body),
  );
}
