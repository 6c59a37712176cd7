export { hasMetricsSecret, requireMetricsSecret } from './auth.js';
export { LAG_PROBE_EVENTS, watchConsumerLag } from './consumer-lag.js';
export { BoundedNames, codeOutcome, OUTCOME_CODES, outcomeOf, thrownOutcome } from './labels.js';
export { shared as singleFlight } from './lazy.js';
export { queryForMetrics } from './query.js';
export { createServiceMetrics, type ServiceMetrics } from './service.js';
export { backgroundSqlStatementsBySchema, countSqlStatement, requestSqlStatementsBySchema } from './sql.js';
export { subgraphMetrics } from './subgraph.js';
