import type { ApolloServerPlugin } from '@apollo/server';

import type { GatewayContext } from '../context.js';
import type { OperationGuard } from './check.js';

/**
 * The same limits on the operation Apollo resolved and is about to run, whatever way it arrived
 * (HTTP, a subscription's per-event query through executeOperation): the edge check runs earlier,
 * before validation, on what the HTTP request carries; this one is the last word.
 */
export function operationLimits(guard: OperationGuard): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source, request, contextValue }) {
          // Apollo read the same body (or URL) the edge checked: the edge's answer stands.
          if (source === contextValue.checkedQuery) return;
          const signedIn = contextValue.identity.role !== null;
          const refusal = guard.check(
            { query: source, operationName: request.operationName, variables: request.variables },
            signedIn,
          );
          if (refusal) throw refusal;
        },
      };
    },
  };
}
