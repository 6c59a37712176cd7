import type { GraphQLDataSource } from '@apollo/gateway';
import { outcomeOf, type ServiceMetrics, thrownOutcome } from '@tsp/shared';
import { Counter, Histogram } from 'prom-client';

/**
 * Counts and times the gateway's calls to each subgraph: tsp_upstream_requests_total and
 * tsp_upstream_request_duration_seconds by subgraph and outcome ("ok", the first error's code in
 * the answer, or the code of the refusal — DEPENDENCY_UNAVAILABLE when the subgraph did not answer).
 * Returns a wrapper for `buildService`, which leaves the data source as it is but for timing `process`.
 */
export function upstreamMetrics(metrics: ServiceMetrics) {
  const labelNames = ['subgraph', 'outcome'] as const;
  const calls = new Counter({
    name: 'tsp_upstream_requests_total',
    help: 'Operations the gateway sent to a subgraph, by outcome',
    labelNames,
    registers: [metrics.registry],
  });
  const duration = new Histogram({
    name: 'tsp_upstream_request_duration_seconds',
    help: 'Time a subgraph took to answer the gateway',
    labelNames,
    registers: [metrics.registry],
  });
  return <D extends GraphQLDataSource>(subgraph: string, ds: D): D => {
    const process = ds.process.bind(ds);
    ds.process = async (options) => {
      const end = duration.startTimer({ subgraph });
      let outcome = 'OTHER';
      try {
        const response = await process(options);
        outcome = outcomeOf(response.errors);
        return response;
      } catch (e) {
        outcome = thrownOutcome(e);
        throw e;
      } finally {
        calls.inc({ subgraph, outcome });
        end({ outcome });
      }
    };
    return ds;
  };
}
