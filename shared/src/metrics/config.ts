import { positiveIntFromEnv as positiveInt } from '../config.js';

/** METRICS_MAX_OPERATION_NAMES: operation names labelled one by one (default 100). */
export const maxOperationNames = () => positiveInt('METRICS_MAX_OPERATION_NAMES', 100);
/** METRICS_COLLECT_TIMEOUT_MS: longest wait for a gauge read at scrape time (default 2 s). */
export const collectTimeoutMs = () => positiveInt('METRICS_COLLECT_TIMEOUT_MS', 2000);
