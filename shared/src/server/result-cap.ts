import type { ApolloServerPlugin } from '@apollo/server';

import { AppError } from '../errors.js';
import type { Context } from './context.js';

/**
 * Values one HTTP request may resolve in a subgraph, every operation of a gateway batch together.
 * The gateway estimates a query's cost before it runs; this is the hard stop behind the estimate,
 * since subgraphs receive user-shaped queries and an estimate can be wrong (a nested list of
 * officers once drove personnel to 4.3 GB).
 */
export const MAX_RESOLVED_VALUES = 500_000;

const refusal = (limit: number) =>
  new AppError(
    'QUERY_TOO_COSTLY',
    `resolved values: more than ${limit}, the limit; the query was stopped / 查询超出限制`,
    {
      measured: limit + 1,
      limit,
    },
  );

/** Stops a request once it has resolved `limit` values, and answers one error instead of a partial result. */
export function resultCap(limit = MAX_RESOLVED_VALUES): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ contextValue }) {
              if (++contextValue.work.resolvedValues > limit) throw refusal(limit);
            },
          };
        },
        async willSendResponse({ response, contextValue }) {
          if (contextValue.work.resolvedValues <= limit || response.body.kind !== 'single') return;
          const { message, extensions } = refusal(limit);
          response.body.singleResult = { data: null, errors: [{ message, extensions }] };
        },
      };
    },
  };
}
