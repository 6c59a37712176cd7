import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import {
  baseApp,
  BODY_LIMIT,
  clientAddressResolver,
  jsonErrors,
  loadConfig,
  logger,
  requireInternalSecret,
  SUBGRAPH_REGISTRY,
  type SubgraphName,
  SUBGRAPHS,
  subgraphUrl,
} from '@tsp/shared';
import { createServiceMetrics } from '@tsp/shared';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphQLSchema } from 'graphql';

import { accessLog } from './access-log.js';
import { type GatewayContext, gatewayContext } from './context.js';
import { ForwardingDataSource } from './datasource.js';
import { OperationGuard } from './limits/check.js';
import { edgeGuard, edgeResult } from './limits/edge.js';
import { operationLimits } from './limits/plugin.js';
import { proxyTo } from './proxy.js';
import { gatewayReadiness } from './readiness.js';
import { sandboxRouter } from './sandbox.js';
import { withSubscriptionType } from './subscriptions/http.js';
import { attachSubscriptions, withSubscriptions } from './subscriptions/ws.js';
import { traceIdHeader } from './trace-header.js';
import { upstreamFetcher } from './upstream.js';
import { upstreamMetrics } from './upstream-metrics.js';
import { webRouter } from './web.js';

export const SUPERGRAPH_PATH = path.join(__dirname, '..', 'supergraph.graphql');

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Subgraph URLs; default from PERSONNEL_URL etc. */
  urls?: Partial<Record<SubgraphName, string>>;
  supergraphSdl?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const log = logger('gateway');

/** Parse and validation failures are the client's input: the contract calls that BAD_USER_INPUT. */
function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED')
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', reason: code } };
  const { stacktrace: _s, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return { ...formatted, extensions };
}

export async function startGateway(opts: GatewayOptions = {}): Promise<RunningGateway> {
  // Parsed and checked before anything starts: a misconfiguration must stop the gateway, not fail requests later.
  const { TRUSTED_PROXIES } = loadConfig();
  const clientAddressOf = clientAddressResolver(TRUSTED_PROXIES);
  const urls = Object.fromEntries(SUBGRAPHS.map((n) => [n, opts.urls?.[n] ?? subgraphUrl(n)])) as Record<
    SubgraphName,
    string
  >;
  const supergraphSdl = opts.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  const metrics = createServiceMetrics('gateway'),
    measured = upstreamMetrics(metrics);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) =>
      measured(
        name,
        new ForwardingDataSource(name, {
          url: urls[name as SubgraphName],
          fetcher: upstreamFetcher as never /* reads only ok, status, headers.get, json, text */,
        }),
      ),
  });
  // One schema for HTTP (validation, introspection: the sandbox shows subscriptions), the limits and graphql-ws.
  const served = withSubscriptionType(gateway, (apiSchema) => {
    try {
      return withSubscriptions(apiSchema);
    } catch (err) {
      log.error({ err: (err as Error).message }, 'subscriptions unavailable: the supergraph lacks ReviewEvent');
      return apiSchema;
    }
  });
  let schema: GraphQLSchema | undefined;
  served.onSchemaLoadOrUpdate((loaded) => void (schema = loaded.apiSchema));
  const guard = new OperationGuard(() => schema);
  const app = baseApp();
  const httpServer = http.createServer(app);
  traceIdHeader(httpServer);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: served,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Automatic persisted queries are off: a hash replayed with other variables or operationName would
    // be a query nobody checked when it was stored. The limits plugin sees every source anyway.
    persistedQueries: false,
    // run-service.ts owns SIGINT/SIGTERM; Apollo's own handlers made the gateway exit 1 on SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      operationLimits(guard),
      metrics.plugin,
      accessLog(),
    ],
  });
  await apollo.start();
  const subscriptions = attachSubscriptions({
    httpServer,
    apollo,
    schema: () => (schema?.getSubscriptionType() ? schema : undefined),
    reviewUrl: urls.review,
  });

  // First: every API request would otherwise be matched against each route below (none of which is /graphql).
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    edgeGuard(guard),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        gatewayContext(req, clientAddressOf, edgeResult(res).identity, edgeResult(res).checkedQuery),
    }),
  );
  app.get('/health', (_req, res) => void res.json({ status: 'ok', service: 'gateway' }));
  app.get(
    '/internal/stats',
    requireInternalSecret,
    (_req, res) => void res.json({ service: 'gateway', rss: process.memoryUsage().rss }),
  );
  metrics.mount(app);
  app.get('/ready', gatewayReadiness(urls));
  app.use(sandboxRouter());
  app.use(webRouter());
  // Each subgraph's file routes, as the registry declares them (attachments, flowcharts).
  for (const s of SUBGRAPH_REGISTRY)
    for (const r of s.routes) app[r.method](r.path, proxyTo(urls[s.name], { requireUser: r.requireUser }));
  app.use(jsonErrors);

  await new Promise<void>((resolve) => httpServer.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as { port: number }).port;
  log.info({ port }, 'gateway listening');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    stop: async () => {
      await subscriptions.stop();
      await apollo.stop();
    },
  };
}
