import { config } from '../config.js';

// The defaults are documented in README § Readiness and timeouts and set in config/schema.ts.
export const subgraphTimeoutMs = () => config().SUBGRAPH_TIMEOUT_MS;
export const internalCallTimeoutMs = () => config().INTERNAL_CALL_TIMEOUT_MS;
export const dbConnectTimeoutMs = () => config().DB_CONNECT_TIMEOUT_MS;
export const dbAcquireTimeoutMs = () => config().DB_ACQUIRE_TIMEOUT_MS;
export const workerStuckMs = () => config().WORKER_STUCK_MS;
/** How long one readiness probe waits for `select 1` or for a subgraph's /ready. */
export const READY_CHECK_TIMEOUT_MS = 3_000;

/**
 * How long a subgraph keeps an idle kept-alive connection open (Node's default, stated so callers can stay under it).
 * A caller that reuses a connection as the server closes it gets ECONNRESET: every client of a subgraph drops its
 * idle connections sooner (the gateway: UPSTREAM_IDLE_MS; fetch honours the server's Keep-Alive hint).
 */
export const SUBGRAPH_KEEP_ALIVE_MS = 5_000;
