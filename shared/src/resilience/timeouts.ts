import { positiveIntFromEnv } from '../config.js';

/** The documented defaults (README § Readiness and timeouts). */
export const TIMEOUT_DEFAULTS = {
  SUBGRAPH_TIMEOUT_MS: 10_000,
  INTERNAL_CALL_TIMEOUT_MS: 5_000,
  // Short enough that a partitioned database is blamed before the gateway's 10 s give up on the subgraph,
  // long enough for a new PostgreSQL backend on a loaded 2-core machine (seconds at load 12).
  DB_CONNECT_TIMEOUT_MS: 5_000,
  DB_ACQUIRE_TIMEOUT_MS: 8_000,
  WORKER_STUCK_MS: 5 * 60_000,
} as const;

const fromEnv = (name: keyof typeof TIMEOUT_DEFAULTS) => () => positiveIntFromEnv(name, TIMEOUT_DEFAULTS[name]);
export const subgraphTimeoutMs = fromEnv('SUBGRAPH_TIMEOUT_MS');
export const internalCallTimeoutMs = fromEnv('INTERNAL_CALL_TIMEOUT_MS');
export const dbConnectTimeoutMs = fromEnv('DB_CONNECT_TIMEOUT_MS');
export const dbAcquireTimeoutMs = fromEnv('DB_ACQUIRE_TIMEOUT_MS');
export const workerStuckMs = fromEnv('WORKER_STUCK_MS');
/** How long one readiness probe waits for `select 1` or for a subgraph's /ready. */
export const READY_CHECK_TIMEOUT_MS = 3_000;
