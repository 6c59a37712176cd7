import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
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
}
