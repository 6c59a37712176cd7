import type { EntityManager } from '@mikro-orm/postgresql';

import type { Orm } from '../db/orm.js';
import { logger } from '../logger.js';
import { watchConsumerLag } from '../metrics/consumer-lag.js';
import { Heartbeat } from '../server/heartbeat.js';
import type { Worker } from '../server/subgraph.js';
import { continueTrace } from '../tracing/propagation.js';
import { listenForEvents } from './listener.js';
import type { DomainEvent } from './types.js';

export interface ConsumerOptions {
  orm: Orm;
  /** The consumer's own schema (holds its inbox and cursor). */
  schema: string;
  /** Stable consumer name, e.g. 'disclosure.decisions'. */
  name: string;
  /** Producing source whose notifications wake this consumer. */
  source: string;
  /** Reads the source's events after a position (its internal feed, or the local outbox). */
  fetch: (after: number, limit: number) => Promise<DomainEvent[]>;
  /** Applies one event inside the consumer's transaction; throwing rolls the whole batch back for a retry. */
  handle: (em: EntityManager, e: DomainEvent) => Promise<void>;
  pollMs?: number;
  batch?: number;
  /** Overrides WORKER_STUCK_MS for this consumer's heartbeat. */
  stuckMs?: number;
}

export interface Consumer extends Worker {
  /** Runs until caught up, or until another instance holds the cursor (tests use it). */
  drain(): Promise<void>;
}

/**
 * At-least-once delivery with exactly-once effect: the cursor row is locked FOR UPDATE SKIP LOCKED
 * (so several instances never process the same batch), each event id goes into the inbox in the
 * same transaction as its effect, and the cursor moves only when that transaction commits.
 * Woken by LISTEN/NOTIFY; a poll covers missed notifications and a lost listener.
 */
export function startConsumer(o: ConsumerOptions): Consumer {
  const log = logger(`consumer:${o.name}`);
  const pollMs = o.pollMs ?? 1000;
  const batch = o.batch ?? 100;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  // Beats on each idle poll and at each batch: a batch hanging past the stuck bound makes /ready fail.
  const heartbeat = new Heartbeat(o.name, o.stuckMs);
  heartbeat.beat(pollMs);

  /** One batch; returns how many events were read (0 = caught up or another instance holds the cursor). */
  const step = async (): Promise<number> => {
    heartbeat.beat();
    const em = o.orm.em.fork();
    return em.transactional(async (tx) => {
      await tx.execute(`insert into ${o.schema}.consumer_cursor (consumer) values (?) on conflict do nothing`, [
        o.name,
      ]);
      const rows: { position: string }[] = await tx.execute(
        `select position from ${o.schema}.consumer_cursor where consumer = ? for update skip locked`,
        [o.name],
      );
      if (rows.length === 0) return 0;
      const events = await o.fetch(Number(rows[0].position), batch);
      for (const e of events) {
        const fresh: unknown[] = await tx.execute(
          `insert into ${o.schema}.inbox (source, event_id) values (?, ?) on conflict do nothing returning event_id`,
          [e.source, e.id],
        );
        if (fresh.length) await continueTrace(`consume ${e.source}.${e.type}`, e, () => o.handle(tx, e));
      }
      if (events.length)
        await tx.execute(`update ${o.schema}.consumer_cursor set position = ?, updated_at = now() where consumer = ?`, [
          events.at(-1)!.position,
          o.name,
        ]);
      return events.length;
    });
  };

  const run = async () => {
    do {
      again = false;
      try {
        while (!stopped && (await step()) === batch);
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'batch failed; will retry');
      }
    } while (again && !stopped);
  };

  const wake = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      heartbeat.beat(pollMs);
      running = null;
    });
    return running;
  };

  const listener = listenForEvents(o.orm.config.get('clientUrl'), (source) => source === o.source && void wake(), log);
  const timer = setInterval(() => {
    if (!running) heartbeat.beat(pollMs);
    void wake();
  }, pollMs);
  const unwatch = watchConsumerLag(o);
  void wake();

  return {
    heartbeat,
    async drain() {
      await wake();
      while (running) await running;
    },
    async stop() {
      stopped = true;
      heartbeat.stop();
      clearInterval(timer);
      unwatch();
      await running;
      await listener.stop();
    },
  };
}
