import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Express } from 'express';
import { Counter, Gauge, type GaugeConfiguration, Registry } from 'prom-client';

import { logger } from '../logger.js';
import { within } from '../resilience/within.js';
import { requireMetricsSecret } from './auth.js';
import { collectTimeoutMs, maxOperationNames } from './config.js';
import { BoundedNames } from './labels.js';
import { shared } from './lazy.js';
import { requestMetrics } from './plugin.js';
import { processRegistry } from './process.js';

/** The metrics of one service instance (tests run all five services in one process, each with its own). */
export interface ServiceMetrics {
  readonly service: string;
  /** Every series of it carries `service="<name>"`. */
  readonly registry: Registry;
  /** Apollo Server plugin: tsp_graphql_requests_total and tsp_graphql_request_duration_seconds. */
  readonly plugin: ApolloServerPlugin<BaseContext>;
  /** GET /metrics (the process's metrics, then this service's), behind the internal secret. */
  mount(app: Express): void;
  /**
   * Gauges filled by one `read` per scrape (a database query, a feed), within
   * METRICS_COLLECT_TIMEOUT_MS. A read that fails or is late leaves them out of that scrape and is
   * counted in tsp_metrics_collect_failures_total, so a stale value never passes for a fresh one;
   * `failed` counts a part that failed while the rest is kept (one consumer's feed down).
   */
  lazyGauges<N extends string>(
    collector: string,
    gauges: Record<N, Omit<GaugeConfiguration<string>, 'registers' | 'collect'>>,
    read: (gauges: Record<N, Gauge>, failed: (err: unknown) => void) => Promise<void>,
  ): void;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const log = logger(service);
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  const failures = new Counter({
    name: 'tsp_metrics_collect_failures_total',
    help: 'Scrape-time gauge reads that failed or ran out of time',
    labelNames: ['collector'],
    registers: [registry],
  });
  const timeoutMs = collectTimeoutMs();

  return {
    service,
    registry,
    plugin: requestMetrics(registry, new BoundedNames(maxOperationNames())),
    mount(app) {
      app.get('/metrics', requireMetricsSecret, async (_req, res) => {
        const [proc, own] = await Promise.all([processRegistry().metrics(), registry.metrics()]);
        res.set('content-type', Registry.PROMETHEUS_CONTENT_TYPE).set('cache-control', 'no-store');
        res.send(`${proc}\n${own}`);
      });
    },
    lazyGauges(collector, configs, read) {
      const gauges = {} as Record<keyof typeof configs, Gauge>;
      const all = () => Object.values<Gauge>(gauges);
      const failed = (err: unknown) => {
        failures.inc({ collector });
        log.warn({ collector, err: (err as Error).message }, 'metrics: gauges left out of this scrape');
      };
      const round = shared(async () => {
        all().forEach((g) => g.reset());
        try {
          await within(read(gauges, failed), timeoutMs, `${collector} metrics`);
        } catch (err) {
          all().forEach((g) => g.reset());
          failed(err);
        }
      });
      for (const [key, config] of Object.entries(configs) as [keyof typeof configs, GaugeConfiguration<string>][])
        gauges[key] = new Gauge({ ...config, registers: [registry], collect: () => round() });
    },
  };
}
