import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';

import { BoundedNames, outcomeOf } from './labels.js';

/** The operation's name: from the operation Apollo resolved, else from the document or the request. */
function operationNameOf(rc: GraphQLRequestContextWillSendResponse<BaseContext>): string | null | undefined {
  if (rc.operationName !== undefined) return rc.operationName;
  if (rc.document) return getOperationAST(rc.document, rc.request.operationName)?.name?.value;
  return rc.request.operationName;
}

/**
 * Requests by operation name and outcome ("ok" or the first error's code, as the client sees it),
 * with their duration. Counts every operation Apollo Server handles (each one of a batch); refusals
 * before Apollo (a missing internal secret, the gateway's edge limits, body parsing) are not in it.
 */
export function requestMetrics(registry: Registry, names: BoundedNames): ApolloServerPlugin<BaseContext> {
  const labelNames = ['operation', 'outcome'] as const;
  const requests = new Counter({
    name: 'tsp_graphql_requests_total',
    help: 'GraphQL operations handled, by operation name and outcome',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tsp_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to its response',
    labelNames,
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(rc) {
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          // rc.operation is set once the document parsed, validated and holds the operation asked for.
          const operation = names.label(operationNameOf(rc), rc.operation !== undefined);
          const labels = { operation, outcome: outcomeOf(errors) };
          requests.inc(labels);
          duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
