import type { ApolloServerPlugin } from '@apollo/server';
import { logger } from '@tsp/shared';

import type { GatewayContext } from './context.js';

const log = logger('gateway');
/** Operation names are the client's choice: a long one must not bloat every log line. */
const MAX_LOGGED_NAME = 100;

/**
 * One line per GraphQL request: operation, duration and error codes. No variables, no token; the
 * logger adds the trace id, which is also the answer's `x-trace-id`.
 */
export const accessLog = (): ApolloServerPlugin<GatewayContext> => ({
  async requestDidStart() {
    const started = performance.now();
    return {
      async willSendResponse({ operationName, operation, errors }) {
        const codes = [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
        const ms = Math.round(performance.now() - started);
        const name = operationName?.slice(0, MAX_LOGGED_NAME) ?? null;
        log.info({ operation: name, kind: operation?.operation ?? null, ms, errors: codes }, 'request');
      },
    };
  },
});
