import { asTransportFailure, DependencyFailure, subgraphTimeoutMs, throughBreaker } from '@tsp/shared';
import { GraphQLError } from 'graphql';

/** Raw reply fields the guard reads. */
interface Reply {
  status: number;
}

/** A 5xx counts against the subgraph's breaker, yet its reply still goes back to the data source as before. */
class ServerFault<R> extends DependencyFailure {
  constructor(readonly reply: R) {
    super('HTTP_5XX', `answered HTTP ${(reply as Reply).status}`);
  }
}

/**
 * One HTTP request to a subgraph, through that URL's breaker (shared/src/resilience/breaker.ts):
 * `send` is bounded by SUBGRAPH_TIMEOUT_MS (it rejects with DependencyFailure TIMEOUT), a socket
 * error becomes UNREACHABLE, and while the breaker is open it fails at once with CIRCUIT_OPEN.
 */
export async function guardedPost<R extends Reply>(url: string, send: (timeoutMs: number) => Promise<R>): Promise<R> {
  try {
    return await throughBreaker(url, async () => {
      const r = await send(subgraphTimeoutMs()).catch((e: unknown) => {
        throw asTransportFailure(e);
      });
      if (r.status >= 500) throw new ServerFault(r);
      return r;
    });
  } catch (e) {
    if (e instanceof ServerFault) return e.reply as R;
    throw e;
  }
}

const SAYS: Record<string, string> = {
  TIMEOUT: 'did not answer in time',
  UNREACHABLE: 'did not answer',
  CIRCUIT_OPEN: 'did not answer recently; not asked again for a few seconds',
  HTTP_5XX: 'did not answer',
};

/** DEPENDENCY_UNAVAILABLE naming the subgraph and why, never its address. */
export function subgraphUnavailable(subgraph: string, e: unknown): GraphQLError {
  const reason = e instanceof DependencyFailure ? e.reason : 'UNREACHABLE';
  return new GraphQLError(`${subgraph} ${SAYS[reason]} / 依赖服务不可用`, {
    extensions: { code: 'DEPENDENCY_UNAVAILABLE', service: subgraph, reason },
  });
}
