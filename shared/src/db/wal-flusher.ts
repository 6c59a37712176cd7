import { Client } from 'pg';

import { logger } from '../logger.js';
import { observeWalFlush } from '../metrics/wal-flush.js';
import { dbAcquireTimeoutMs, dbConnectTimeoutMs } from '../resilience/timeouts.js';
import { within } from '../resilience/within.js';
import { CONFIRM_COMMITS_SQL } from './group-commit.js';

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
 * A flush still unanswered after this long has its connection given up and the next flush opens another: a connection
 * lost without notice (no FIN) is replaced, and a stalled disk adds at most one stuck backend a minute per process.
 */
const GIVE_UP_MS = 60_000;
/** What pg rejects with when query_timeout passes. */
const PG_QUERY_TIMEOUT = 'Query read timeout';

export interface WalFlusherOptions {
  url: string;
  schema: string;
  /** Called once per flush statement sent (the ORM's statement counters). */
  onStatement: () => void;
}

/**
 * 刷盘专用连接 The connection on which an ORM flushes the WAL after a group commit (group-commit.ts), one per ORM,
 * opened on first use. Not a pooled connection: the flush asked for one after its transaction had given its own back,
 * and queued behind every request waiting for the pool — on a busy or small pool past the acquire timeout, so a
 * committed write was answered as unconfirmed. Flushes asked for while one runs share the next one (a flush covers
 * every commit before it starts), so one connection is enough. A connection that fails is dropped and the next flush
 * opens another; one that hangs is kept (its backend may be stuck on the disk and cannot be cancelled: a new connection
 * each time would pile them up), and callers fail at their own deadline meanwhile.
 */
export class WalFlusher {
  private current?: Client;
  private connecting?: Promise<Client>;
  private closed = false;
  private readonly log;
  /** Makes everything committed before the call durable; rejects if not done within DB_ACQUIRE_TIMEOUT_MS of it. */
  readonly flush: () => Promise<void>;

  constructor(private readonly options: WalFlusherOptions) {
    this.log = logger(`db:${options.schema}`);
    const shared = coalesce(() => this.flushOnce());
    // Each caller's own bound, counted from its call, whether it started a run or waits for the next one.
    this.flush = async () => {
      const started = performance.now();
      try {
        await within(shared(), dbAcquireTimeoutMs(), 'the WAL flush');
        observeWalFlush(options.schema, started, 'ok');
      } catch (e) {
        observeWalFlush(options.schema, started, 'failed');
        throw e;
      }
    };
  }

  private async flushOnce(): Promise<void> {
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
      await client.query(CONFIRM_COMMITS_SQL);
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
      application_name: `tsp ${this.options.schema} wal flush`,
    });
    // An idle connection that fails (the database restarts) must not crash the process; the next flush reconnects.
    client.on('error', (err) => {
      this.log.warn({ err: err.message }, 'WAL flush connection failed');
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
