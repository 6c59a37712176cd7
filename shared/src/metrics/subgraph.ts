import type { Orm } from '../db/orm.js';
import type { SubgraphService } from '../server/subgraph.js';
import { consumerLagMetrics } from './consumer-lag.js';
import { createServiceMetrics, type ServiceMetrics } from './service.js';
import { sqlStatementsMetric } from './sql.js';
import { walFlushMetric } from './wal-flush.js';

/** A subgraph's metrics: requests, its SQL statements and WAL flushes, its consumers' lag, and what the service adds. */
export function subgraphMetrics(svc: SubgraphService, orm: Orm): ServiceMetrics {
  const metrics = createServiceMetrics(svc.name);
  sqlStatementsMetric(metrics.registry, svc.db.schema);
  walFlushMetric(metrics.registry, svc.db.schema);
  consumerLagMetrics(metrics, svc.db.schema);
  svc.metrics?.(metrics, orm);
  return metrics;
}
