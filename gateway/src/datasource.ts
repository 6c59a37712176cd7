import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { INTERNAL_SECRET_HEADER, internalSecret } from '@tsp/shared';
import type { GatewayContext } from './context.js';

/** Forwards the caller's token (subgraphs verify it again) and proves the call comes from the gateway. */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    headers.set(INTERNAL_SECRET_HEADER, internalSecret());
    const ctx = context as Partial<GatewayContext>;
    if (ctx.authorization) headers.set('authorization', ctx.authorization);
    if (ctx.idempotencyKey) headers.set('idempotency-key', ctx.idempotencyKey);
  }

  /**
   * A subgraph answers HTTP 400 when a custom scalar (Date, Decimal) in the variables is invalid:
   * only the subgraph knows the scalar. Pass its GraphQL error on (code and readable message)
   * instead of "400: Bad Request" / INTERNAL_SERVER_ERROR with the subgraph's address in it.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined)?.errors?.[0];
    if (response.status === 400 && first && typeof first.message === 'string') {
      const code = first.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' ? 'BAD_USER_INPUT' : (first.extensions?.code ?? 'BAD_USER_INPUT');
      return new GraphQLError(first.message, { extensions: { code } });
    }
    if (response.status === 401 || response.status === 403)
      return new GraphQLError(response.status === 401 ? 'not authenticated' : 'forbidden', { extensions: { code: response.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' } });
    return new GraphQLError(`a subgraph answered HTTP ${response.status}`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}
