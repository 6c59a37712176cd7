import { config } from '../config.js';

// The defaults are documented in README § Readiness and timeouts and set in config/schema.ts.
export const subgraphTimeoutMs = () => config().SUBGRAPH_TIMEOUT_MS;
export const internalCallTimeoutMs = () => config().INTERNAL_CALL_TIMEOUT_MS;
export const dbConnectTimeoutMs = () => config().DB_CONNECT_TIMEOUT_MS;
export const dbAcquireTimeoutMs = () => config().DB_ACQUIRE_TIMEOUT_MS;
export const workerStuckMs = () => config().WORKER_STUCK_MS;
/** How long one readiness probe waits for `select 1` or for a subgraph's /ready. */
export const READY_CHECK_TIMEOUT_MS = 3_000;
