import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { CLIENT_ADDRESS_HEADER, INTERNAL_SECRET_HEADER, internalSecret, logger } from '@tsp/shared';
import { GraphQLError } from 'graphql';

import type { GatewayContext } from './context.js';
import { LIMITS } from './limits/numbers.js';
import { tooCostly } from './limits/refusal.js';
import { UpstreamResponse, UpstreamTooLarge } from './upstream.js';
import { subgraphUnavailable } from './upstream-guard.js';

const log = logger('gateway');

/** The query plan's fetches are single operations the gateway wrote itself: a mutation's text starts so. */
const isMutation = (query: string | undefined) => /^\s*mutation\b/.test(query ?? '');

type Options = ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0];
type Processed = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

/** Forwards the caller's token (subgraphs verify it again) and proves the call comes from the gateway. */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    options: Options,
  ) {
    super(options);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const ctx = context as Partial<GatewayContext>;
    // A request that has gathered its share of subgraph answers asks for no more.
    if ((ctx.upstreamBytes ?? 0) > LIMITS.maxUpstreamBytes)
      throw tooCostly('bytes of subgraph answers', ctx.upstreamBytes!, LIMITS.maxUpstreamBytes);
    const headers = request.http!.headers;
    headers.set(INTERNAL_SECRET_HEADER, internalSecret());
    if (ctx.authorization) headers.set('authorization', ctx.authorization);
    if (ctx.idempotencyKey) headers.set('idempotency-key', ctx.idempotencyKey);
    // Subgraphs count public writes per client address (rate limits). Set on mutations only: queries are batched
    // and shared between callers by their headers (upstream.ts), and no query needs it. Always set here, from the
    // socket, so nothing a client sends reaches the subgraph under this name.
    if (isMutation(request.query)) headers.set(CLIENT_ADDRESS_HEADER, ctx.clientAddress ?? 'unknown');
    else headers.delete(CLIENT_ADDRESS_HEADER);
  }

  /**
   * A subgraph that cannot be reached is DEPENDENCY_UNAVAILABLE naming the subgraph: the
   * connection error names an internal address, which no client should see.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Processed> {
    try {
      return await super.process(options);
    } catch (e) {
      if (e instanceof UpstreamTooLarge) throw tooCostly(`bytes of one ${this.subgraph} answer`, e.bytes, e.limit);
      if (e instanceof GraphQLError) throw e;
      log.warn({ subgraph: this.subgraph, err: (e as Error).message }, 'subgraph unreachable');
      throw subgraphUnavailable(this.subgraph, e);
    }
  }

  /** Counts what each answer weighs against the request's share (the hard cap behind the cost estimate). */
  override async parseBody(...[response, request, context]: Parameters<RemoteGraphQLDataSource['parseBody']>) {
    const ctx = context as Partial<GatewayContext> | undefined;
    if (ctx && response instanceof UpstreamResponse) {
      ctx.upstreamBytes = (ctx.upstreamBytes ?? 0) + response.bytes;
      if (ctx.upstreamBytes > LIMITS.maxUpstreamBytes)
        throw tooCostly('bytes of subgraph answers', ctx.upstreamBytes, LIMITS.maxUpstreamBytes);
    }
    return super.parseBody(response, request, context as GatewayContext | undefined);
  }

  /**
   * A subgraph answers HTTP 400 when a custom scalar (Date, Decimal) in the variables is invalid:
   * only the subgraph knows the scalar. Pass its GraphQL error on (code and readable message)
   * instead of "400: Bad Request" / INTERNAL_SERVER_ERROR with the subgraph's address in it.
   */
  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0],
  ): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined)
      ?.errors?.[0];
    if (response.status === 400 && first && typeof first.message === 'string') {
      const code =
        first.extensions?.code === 'GRAPHQL_VALIDATION_FAILED'
          ? 'BAD_USER_INPUT'
          : (first.extensions?.code ?? 'BAD_USER_INPUT');
      return new GraphQLError(first.message, { extensions: { code } });
    }
    if (response.status === 401 || response.status === 403)
      return new GraphQLError(response.status === 401 ? 'not authenticated' : 'forbidden', {
        extensions: { code: response.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
      });
    return new GraphQLError(`${this.subgraph} answered HTTP ${response.status}`, {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
}
