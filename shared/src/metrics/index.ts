export { BoundedNames, codeOutcome, outcomeOf, thrownOutcome, OUTCOME_CODES } from './labels.js';
export { hasMetricsSecret, requireMetricsSecret } from './auth.js';
export { createServiceMetrics, type ServiceMetrics } from './service.js';
export { countSqlStatement } from './sql.js';
export { watchConsumerLag, LAG_PROBE_EVENTS } from './consumer-lag.js';
export { queryForMetrics } from './query.js';
export { subgraphMetrics } from './subgraph.js';
export { shared as singleFlight } from './lazy.js';
