import { config } from '../config.js';

/** METRICS_MAX_OPERATION_NAMES: operation names labelled one by one (default 100). */
export const maxOperationNames = () => config().METRICS_MAX_OPERATION_NAMES;
/** METRICS_COLLECT_TIMEOUT_MS: longest wait for a gauge read at scrape time (default 2 s). */
export const collectTimeoutMs = () => config().METRICS_COLLECT_TIMEOUT_MS;
