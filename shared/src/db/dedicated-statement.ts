import { Client } from 'pg';

import { logger } from '../logger.js';
import { dbAcquireTimeoutMs, dbConnectTimeoutMs } from '../resilience/timeouts.js';
import { within } from '../resilience/within.js';

/**
 * Runs `task` at most once at a time; a call made while it runs is answered by the next run, which starts after the
 * current one ends and is shared by every call made meanwhile. So each caller's promise settles with a run that began
 * after its call.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const run = Promise.resolve()
      .then(task)
      .finally(() => {
        if (running === run) running = undefined;
      });
    running = run;
    return run;
  };
  return () => {
    if (next) return next;
    if (!running) return start();
    next = running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}

/**
 * A run still unanswered after this long has its connection given up and the next run opens another: a connection
 * lost without notice (no FIN) is replaced, and a stalled disk adds at most one stuck backend a minute per process.
 */
const GIVE_UP_MS = 60_000;
/** What pg rejects with when query_timeout passes. */
const PG_QUERY_TIMEOUT = 'Query read timeout';

export interface DedicatedStatementOptions {
  url: string;
  schema: string;
  /** What the statement does, in words: the connection's application_name, logs and errors. */
  purpose: string;
  /** One message (the simple protocol, no parameters), sent as is each run. */
  sql: string;
  /** Called once per message sent (the ORM's statement counters). */
  onStatement: () => void;
  /** Called once per caller when its run settled (metrics). */
  observe?: (startedMs: number, outcome: 'ok' | 'failed') => void;
}

/**
 * 专用连接 A statement an ORM runs after commits, on a connection of its own, opened on first use: the WAL flush
 * after a group commit (group-commit.ts), records' journal integration. Not a pooled connection: the statement is
 * asked for after its transaction has given its own back, and a pooled one queued behind every request waiting for
 * the pool — on a busy or small pool past the acquire timeout, so a committed write was answered as unconfirmed. Calls
 * made while a run is under way share the next run (a run covers every commit before it starts), so one connection is
 * enough. A connection that fails is dropped and the next run opens another; one that hangs is kept (its backend may
 * be stuck on the disk and cannot be cancelled: a new connection each time would pile them up), and callers fail at
 * their own deadline meanwhile.
 */
export class DedicatedStatement {
  private current?: Client;
  private connecting?: Promise<Client>;
  private closed = false;
  private readonly log;
  /** Runs the statement after the call; rejects if not done within DB_ACQUIRE_TIMEOUT_MS of it. */
  readonly run: () => Promise<void>;

  constructor(private readonly options: DedicatedStatementOptions) {
    this.log = logger(`db:${options.schema}`);
    const shared = coalesce(() => this.runOnce());
    // Each caller's own bound, counted from its call, whether it started a run or waits for the next one.
    this.run = async () => {
      const started = performance.now();
      try {
        await within(shared(), dbAcquireTimeoutMs(), `the ${options.purpose}`);
        options.observe?.(started, 'ok');
      } catch (e) {
        options.observe?.(started, 'failed');
        throw e;
      }
    };
  }

  private async runOnce(): Promise<void> {
    const kept = !!this.connecting;
    try {
      await this.send();
    } catch (e) {
      // A kept connection may have died while idle (the database restarted) before its error event arrived: a fresh
      // one answers. Not after giving up on a hung one.
      if (!kept || (e as Error).message === PG_QUERY_TIMEOUT) throw e;
      await this.send();
    }
  }

  private async send(): Promise<void> {
    const client = await this.connection();
    this.options.onStatement();
    try {
      await client.query(this.options.sql);
    } catch (e) {
      this.discard(client);
      throw e;
    }
  }

  private connection(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('the database connection is closed'));
    if (this.connecting) return this.connecting;
    const client = new Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: dbConnectTimeoutMs(),
      query_timeout: Math.max(GIVE_UP_MS, dbAcquireTimeoutMs()),
      application_name: `tsp ${this.options.schema} ${this.options.purpose}`,
    });
    // An idle connection that fails (the database restarts) must not crash the process; the next run reconnects.
    client.on('error', (err) => {
      this.log.warn({ err: err.message }, `${this.options.purpose} connection failed`);
      this.discard(client);
    });
    this.current = client;
    this.connecting = client.connect().then(
      () => client,
      (e: unknown) => {
        this.discard(client);
        throw e;
      },
    );
    return this.connecting;
  }

  private discard(client: Client): void {
    if (this.current === client) this.current = this.connecting = undefined;
    client.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const connecting = this.connecting;
    this.current = this.connecting = undefined;
    const client = await connecting?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }
}
