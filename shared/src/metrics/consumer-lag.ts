import type { ConsumerOptions } from '../events/consumer.js';
import { within } from '../resilience/within.js';
import { collectTimeoutMs } from './config.js';
import type { ServiceMetrics } from './service.js';

/** Events a lag probe reads past a cursor: the most an internal feed answers at once. */
export const LAG_PROBE_EVENTS = 500;

interface Watched {
  schema: string;
  probe(): Promise<{ events: number; seconds: number }>;
}

/** The running consumers of this process, by consumer name. */
const watched = new Map<string, Watched>();

/**
 * Makes a consumer's lag readable at scrape time: the events of its source after its committed
 * cursor (read through the consumer's own fetch, so the same feed and the same access; counted up to
 * LAG_PROBE_EVENTS), and how old the oldest of them is. Returns the unwatch for the consumer's stop.
 */
export function watchConsumerLag(o: Pick<ConsumerOptions, 'orm' | 'schema' | 'name' | 'fetch'>): () => void {
  const entry: Watched = {
    schema: o.schema,
    async probe() {
      const rows: { position: string }[] = await o.orm.em
        .fork()
        .execute(`select position from ${o.schema}.consumer_cursor where consumer = ?`, [o.name]);
      const behind = await o.fetch(Number(rows[0]?.position ?? 0), LAG_PROBE_EVENTS);
      const oldest = behind[0]?.occurredAt.getTime();
      return { events: behind.length, seconds: oldest === undefined ? 0 : Math.max(0, (Date.now() - oldest) / 1000) };
    },
  };
  watched.set(o.name, entry);
  return () => {
    if (watched.get(o.name) === entry) watched.delete(o.name);
  };
}

/** tsp_event_consumer_lag_events / _seconds for the consumers whose cursor lives in `schema`. */
export function consumerLagMetrics(metrics: ServiceMetrics, schema: string): void {
  const labelNames = ['consumer'];
  metrics.lazyGauges(
    'event_consumer_lag',
    {
      events: {
        name: 'tsp_event_consumer_lag_events',
        help: `Events of the source after the consumer's cursor (counted up to ${LAG_PROBE_EVENTS})`,
        labelNames,
      },
      seconds: {
        name: 'tsp_event_consumer_lag_seconds',
        help: 'Age of the oldest event the consumer has not applied (0 when caught up)',
        labelNames,
      },
    },
    async (g, failed) => {
      const mine = [...watched].filter(([, w]) => w.schema === schema);
      // A consumer whose source does not answer (in time) is left out; the others are still reported.
      const ms = Math.floor(collectTimeoutMs() * 0.8);
      await Promise.all(
        mine.map(([consumer, w]) =>
          within(w.probe(), ms, `lag of ${consumer}`).then((lag) => {
            g.events.set({ consumer }, lag.events);
            g.seconds.set({ consumer }, lag.seconds);
          }, failed),
        ),
      );
    },
  );
}
