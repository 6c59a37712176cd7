import { Histogram, type Registry } from 'prom-client';

/** Per schema (= per service): the histogram of the service's registry (walFlushMetric), once it has metrics. */
const histograms = new Map<string, Histogram<'outcome'>>();

/**
 * One caller's WAL flush after a group commit, or records' journal integration, which flushes too
 * (db/dedicated-statement.ts), from its call: how long the disk took to confirm, and the failures, each answered
 * COMMIT_UNCONFIRMED.
 */
export function observeWalFlush(schema: string, startedMs: number, outcome: 'ok' | 'failed'): void {
  histograms.get(schema)?.observe({ outcome }, (performance.now() - startedMs) / 1000);
}

/** tsp_wal_flush_seconds of one subgraph. */
export function walFlushMetric(registry: Registry, schema: string): void {
  const histogram = new Histogram({
    name: 'tsp_wal_flush_seconds',
    help:
      'WAL flushes after commits that took an ordering lock (outbox, journal) and journal integrations, from the call; ' +
      '"failed" ones were answered COMMIT_UNCONFIRMED',
    labelNames: ['outcome'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 8],
    registers: [registry],
  });
  // Both series from the start, so a rate of failures is 0 rather than absent.
  for (const outcome of ['ok', 'failed'] as const) histogram.zero({ outcome });
  histograms.set(schema, histogram);
}
