import type http from 'node:http';

import type { ApolloServer } from '@apollo/server';
import { type Identity, identityFromHeader, logger, Role } from '@tsp/shared';
import { type ExecutionResult, extendSchema, GraphQLError, type GraphQLSchema, parse } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer } from 'ws';

import type { GatewayContext } from '../context.js';
import { OperationGuard } from '../limits/check.js';
import { callAt, type LongTimer } from './long-timer.js';
import { reviewEventStream } from './stream.js';
import { LogTail } from './tail.js';

const log = logger('gateway:ws');
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

/** Added by the gateway, outside the supergraph; test/schema-docs.test.ts checks its descriptions too. */
export const SUBSCRIPTION_SDL = `
"""订阅 Live streams (graphql-ws on /graphql)"""
type Subscription {
  """审核事件 Review events of the agencies the token may read, live; with after, the gap since that cursor first"""
  reviewEvents(
    """仅此机关 Only this agency (within the token's scope)"""
    agencyId: ID
    """游标 Continue after this event (the gap first); without it, only new events"""
    after: String
  ): ReviewEvent!
}

# A type named Subscription is not the subscription root until the schema says so (introspection's subscriptionType).
extend schema { subscription: Subscription }`;

export function withSubscriptions(apiSchema: GraphQLSchema): GraphQLSchema {
  return extendSchema(apiSchema, parse(SUBSCRIPTION_SDL));
}

interface Session {
  identity: Identity;
  authorization: string;
  expiry?: LongTimer;
  open: number;
}

function bearer(params: Record<string, unknown> | undefined): string | undefined {
  const raw = params?.authorization ?? params?.Authorization ?? params?.token;
  if (typeof raw !== 'string' || !raw) return undefined;
  return raw.startsWith('Bearer ') ? raw : `Bearer ${raw}`;
}

/**
 * graphql-ws next to @apollo/gateway (which has no subscriptions), on the same HTTP server and
 * path. Authenticates on connection_init, closes the socket when the token expires or the
 * subgraphs refuse it (4403),
 * pings every 12 s, and feeds each subscription from review's durable log.
 */
export function attachSubscriptions(o: {
  httpServer: http.Server;
  apollo: ApolloServer<GatewayContext>;
  schema: () => GraphQLSchema | undefined;
  reviewUrl: string;
}): { stop(): Promise<void> } {
  const tail = new LogTail(o.reviewUrl);
  const wss = new WebSocketServer({ server: o.httpServer, path: '/graphql', maxPayload: 64 * 1024 });
  const sessions = new WeakMap<object, Session>();
  // A subscription document is a query too: the same limits as over HTTP, before graphql-ws validates it.
  const guard = new OperationGuard(o.schema);

  const execute = async (
    ctx: GatewayContext,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<ExecutionResult> => {
    const res = await o.apollo.executeOperation({ query, variables }, { contextValue: ctx });
    if (res.body.kind !== 'single') return { errors: [new GraphQLError('unexpected incremental result')] };
    return res.body.singleResult as ExecutionResult;
  };

  const server = useServer(
    {
      schema: () => {
        const s = o.schema();
        if (!s) throw new Error('gateway schema not loaded yet');
        return s;
      },
      onConnect: async (ctx) => {
        const authorization = bearer(ctx.connectionParams);
        if (!authorization) return false;
        let identity: Identity;
        try {
          identity = await identityFromHeader(authorization);
        } catch {
          return false;
        }
        if (!identity.role || identity.role === Role.ADMIN) return false;
        const session: Session = { identity, authorization, open: 0 };
        // Verified tokens always carry exp; their lifetime may exceed what one Node timer can hold (integrators).
        const exp = decodeJwt(authorization.slice(7)).exp;
        const closeExpired = () => ctx.extra.socket.close(CloseCode.Forbidden, 'token expired / 令牌已过期');
        if (exp) session.expiry = callAt(exp * 1000, closeExpired);
        sessions.set(ctx.extra.socket, session);
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const s = sessions.get(ctx.extra.socket);
        if (s && s.open >= MAX_SUBSCRIPTIONS_PER_SOCKET)
          return [
            new GraphQLError(`at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions per connection`, {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          ];
        const refusal = guard.check(payload, true);
        if (refusal) return [refusal];
      },
      context: (ctx) => ({ socket: ctx.extra.socket }),
      subscribe: (args) => {
        const socket = (args.contextValue as { socket: import('ws').WebSocket }).socket;
        const s = sessions.get(socket)!;
        s.open++;
        const ctx: GatewayContext = { identity: s.identity, authorization: s.authorization };
        const stream = reviewEventStream({
          document: args.document,
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
          execute: (q, v) => execute(ctx, q, v),
          tail,
          bufferedAmount: () => socket.bufferedAmount,
          closed: () => socket.readyState !== socket.OPEN,
        });
        return (async function* () {
          try {
            for await (const result of stream) {
              yield result;
              // The subgraphs no longer accept this token (e.g. the officer was transferred): the socket
              // is no good for any stream, so close it as an expired token is, once the error is sent.
              if (result.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED'))
                socket.close(CloseCode.Forbidden, 'token no longer accepted / 令牌已失效，请重新登录');
            }
          } finally {
            s.open--;
          }
        })();
      },
      onClose: (ctx) => {
        const s = sessions.get(ctx.extra.socket);
        s?.expiry?.cancel();
      },
    },
    wss,
  );
  log.info('subscriptions on /graphql (graphql-ws)');
  return {
    async stop() {
      tail.stop();
      await server.dispose();
      wss.close();
    },
  };
}
