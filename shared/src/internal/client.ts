import { ClientError, GraphQLClient } from 'graphql-request';

import { internalSecret, type SubgraphName, subgraphUrl } from '../config.js';
import { AppError, dependencyUnavailable, type ErrorCode } from '../errors.js';
import { signServiceToken } from '../identity/jwt.js';
import { logger } from '../logger.js';
import { asTransportFailure, DependencyFailure, throughBreaker } from '../resilience/breaker.js';
import { internalCallTimeoutMs } from '../resilience/timeouts.js';
import { traceHeaders } from '../tracing/propagation.js';

const log = logger('internal-client');

export const INTERNAL_SECRET_HEADER = 'x-internal-secret';
export const SERVICE_TOKEN_HEADER = 'x-service-token';

const PASSTHROUGH: ReadonlySet<string> = new Set<ErrorCode>(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT']);

/** A query (not a mutation or subscription): safe to ask twice. */
const isRead = (document: string) => /^\s*(query\b|\{)/.test(document.replace(/^\s*#.*$/gm, ''));

/**
 * Subgraph-to-subgraph GraphQL calls. Carries the internal secret and a short-lived service
 * token. Fails closed: no answer, a timeout or a server fault is DEPENDENCY_UNAVAILABLE, with
 * `reason` TIMEOUT (INTERNAL_CALL_TIMEOUT_MS, default 5 s), UNREACHABLE, HTTP_5XX or CIRCUIT_OPEN
 * (the target's breaker, shared by every client of this process for that URL, is open).
 */
export class InternalClient {
  private client: { url: string; graphql: GraphQLClient } | undefined;
  private token: { value: string; at: number } | undefined;

  /** Without `url`, the target's configured URL is read per call (tests start the target after its callers). */
  constructor(
    private readonly from: string,
    private readonly to: SubgraphName,
    private readonly fixedUrl?: string,
    private readonly timeoutMs = internalCallTimeoutMs(),
  ) {}

  private clientFor(url: string): GraphQLClient {
    if (this.client?.url !== url) this.client = { url, graphql: new GraphQLClient(url) };
    return this.client.graphql;
  }

  async request<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers = {
      [INTERNAL_SECRET_HEADER]: internalSecret(),
      [SERVICE_TOKEN_HEADER]: await this.serviceToken(),
      ...traceHeaders(),
    };
    const url = this.fixedUrl ?? subgraphUrl(this.to);
    const client = this.clientFor(url);
    try {
      const signal = AbortSignal.timeout(this.timeoutMs);
      const once = () =>
        client.request<T>({ document, variables, requestHeaders: headers, signal }).catch((e: unknown) => {
          throw this.transportFailure(e);
        });
      // A kept-alive connection the target closed as it was reused fails at once: a read is asked again, once,
      // within the same deadline (a write might have been done, so it is not).
      return await throughBreaker(url, () =>
        once().catch((e: unknown) => {
          if (e instanceof DependencyFailure && e.reason === 'UNREACHABLE' && isRead(document)) return once();
          throw e;
        }),
      );
    } catch (e) {
      if (e instanceof ClientError) {
        const first = e.response.errors?.[0];
        const code = first?.extensions?.code;
        if (typeof code === 'string' && PASSTHROUGH.has(code)) throw new AppError(code as ErrorCode, first!.message);
        // The target answered that one of its own dependencies (its database…) is down: pass that blame on.
        const service = first?.extensions?.service;
        if (code === 'DEPENDENCY_UNAVAILABLE' && typeof service === 'string' && service !== this.from)
          throw new AppError('DEPENDENCY_UNAVAILABLE', first!.message, { service, reason: first?.extensions?.reason });
      }
      const reason = e instanceof DependencyFailure ? e.reason : undefined;
      log.warn({ to: this.to, reason, err: e instanceof Error ? e.message : String(e) }, 'internal call failed');
      throw dependencyUnavailable(this.to, reason ? { reason } : {});
    }
  }

  /** A timeout, a connection failure or a 5xx counts against the target's breaker; a GraphQL answer does not. */
  private transportFailure(e: unknown): unknown {
    if (e instanceof ClientError)
      return e.response.status >= 500 ? new DependencyFailure('HTTP_5XX', `answered HTTP ${e.response.status}`) : e;
    if ((e as Error)?.name === 'TimeoutError')
      return new DependencyFailure('TIMEOUT', `no answer within ${this.timeoutMs} ms`);
    const t = asTransportFailure(e);
    // fetch says "fetch failed" with the socket error as its cause
    if (t instanceof DependencyFailure || !(e instanceof TypeError)) return t;
    return new DependencyFailure('UNREACHABLE', e.message);
  }

  private async serviceToken(): Promise<string> {
    // Tokens live 2 minutes; renew after one.
    if (!this.token || Date.now() - this.token.at > 60_000)
      this.token = { value: await signServiceToken(this.from), at: Date.now() };
    return this.token.value;
  }
}
