import { GraphQLClient, ClientError } from 'graphql-request';
import { AppError, dependencyUnavailable, type ErrorCode } from '../errors.js';
import { internalSecret, subgraphUrl, type SubgraphName } from '../config.js';
import { signServiceToken } from '../identity/jwt.js';
import { logger } from '../logger.js';
import { traceHeaders } from '../tracing/propagation.js';

const log = logger('internal-client');

export const INTERNAL_SECRET_HEADER = 'x-internal-secret';
export const SERVICE_TOKEN_HEADER = 'x-service-token';

const PASSTHROUGH: ReadonlySet<string> = new Set<ErrorCode>(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT']);

/**
 * Subgraph-to-subgraph GraphQL calls. Carries the internal secret and a short-lived service
 * token. Fails closed: no answer, a timeout or a server fault is DEPENDENCY_UNAVAILABLE.
 */
export class InternalClient {
  private readonly client: GraphQLClient;
  private token: { value: string; at: number } | undefined;

  constructor(
    private readonly from: string,
    private readonly to: SubgraphName,
    url: string = subgraphUrl(to),
    private readonly timeoutMs = 5000,
  ) {
    this.client = new GraphQLClient(url);
  }

  async request<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
    try {
      return await this.client.request<T>({
        document,
        variables,
        requestHeaders: {
          [INTERNAL_SECRET_HEADER]: internalSecret(), [SERVICE_TOKEN_HEADER]: await this.serviceToken(), ...traceHeaders(),
        },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      if (e instanceof ClientError) {
        const first = e.response.errors?.[0];
        const code = first?.extensions?.code;
        if (typeof code === 'string' && PASSTHROUGH.has(code)) throw new AppError(code as ErrorCode, first!.message);
      }
      log.warn({ to: this.to, err: e instanceof Error ? e.message : String(e) }, 'internal call failed');
      throw dependencyUnavailable(this.to);
    }
  }

  private async serviceToken(): Promise<string> {
    // Tokens live 2 minutes; renew after one.
    if (!this.token || Date.now() - this.token.at > 60_000) this.token = { value: await signServiceToken(this.from), at: Date.now() };
    return this.token.value;
  }
}
