import type http from 'node:http';

import { traceFields } from '@tsp/shared';

export const TRACE_ID_HEADER = 'x-trace-id';

/**
 * Every gateway answer names its trace in `x-trace-id`, errors included, so a caller's report leads
 * to the logs and spans of that request. Set before any handler runs: the http instrumentation has
 * already made the request's span active when 'request' listeners are called. Without the SDK
 * (tests in one process) there is no span and no header.
 */
export function traceIdHeader(server: http.Server): void {
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const { traceId } = traceFields();
    if (traceId) res.setHeader(TRACE_ID_HEADER, traceId);
  });
}
