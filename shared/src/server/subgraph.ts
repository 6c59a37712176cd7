import http from 'node:http';

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MigrationObject } from '@mikro-orm/core';
import type { Options } from '@mikro-orm/core';
import type { Express } from 'express';
import express from 'express';

import type { SubgraphName } from '../config.js';
import { loadConfig } from '../config.js';
import { type MigrationRenames, openOrm, type Orm, requestScope, sqlStats } from '../db/orm.js';
import { blameDatabase } from '../db/outage.js';
import { AppError } from '../errors.js';
import { cachedIdentityFromHeader } from '../identity/cache.js';
import { CurrentAgencies, type OfficerAgencySource } from '../identity/current-agency.js';
import { identityFromHeader, verifyServiceToken } from '../identity/jwt.js';
import type { Identity } from '../identity/roles.js';
import { SERVICE_TOKEN_HEADER } from '../internal/client.js';
import { CLIENT_ADDRESS_HEADER } from '../internal/client-address.js';
import { officerAgenciesFromPersonnel } from '../internal/officer-agencies.js';
import { logger } from '../logger.js';
import { type ServiceMetrics, subgraphMetrics } from '../metrics/index.js';
import { SUBGRAPH_KEEP_ALIVE_MS } from '../resilience/timeouts.js';
import { type Context, newContext } from './context.js';
import { formatErrorWith } from './errors.js';
import type { Heartbeat } from './heartbeat.js';
import { baseApp, BODY_LIMIT, jsonErrors, requireInternalSecret } from './http.js';
import { readinessRoute } from './readiness.js';
import { resultCap } from './result-cap.js';
import { buildFederatedSchema, type SchemaDefinition } from './schema.js';

export interface Worker {
  stop(): Promise<void>;
  /** Read by /ready (periodicWorker and startConsumer have one). */
  readonly heartbeat?: Heartbeat;
}

/** Everything a subgraph is; `main.ts` of each subgraph exports one of these. */
export interface SubgraphService {
  name: SubgraphName;
  schema: SchemaDefinition;
  /** `renamedMigrations`: former → current names of renumbered migrations, renamed before migrating. */
  db: {
    schema: string;
    entities: Options['entities'];
    migrations: MigrationObject[];
    renamedMigrations?: MigrationRenames;
    /** Statements run after commits that ask for them (runAfterCommit), e.g. records' journal integration. */
    afterCommit?: Readonly<Record<string, string>>;
  };
  /** Extra HTTP routes (blobs, flowcharts…), mounted before /graphql; `identify` checks a user's bearer header as /graphql does. */
  routes?: (app: Express, orm: Orm, identify: Identify) => void;
  /** Where officers belong now, for the stale-token check; default: ask personnel. Personnel reads its own table. */
  officerAgencies?: (orm: Orm) => OfficerAgencySource;
  /** Background work (event dispatchers, consumers, audits), started once the server listens. */
  workers?: (orm: Orm) => Worker[];
  /** Metrics of its own (webhook queue, journal audit) beside the common ones, at GET /metrics. */
  metrics?: (metrics: ServiceMetrics, orm: Orm) => void;
}

/** A user's Authorization header → who is asking, refusing a token that names an agency its officer has left. */
export type Identify = (authorization: string | undefined) => Promise<Identity>;

/**
 * Apollo answers an error thrown while building the context with HTTP 500, and the gateway reports a
 * subgraph's non-2xx answer without its message. Answered as HTTP 200 with the error, the refusal
 * reaches the client with its code and message, as a resolver's refusal does.
 */
const asGraphqlRefusal = (e: unknown) =>
  e instanceof AppError ? new AppError(e.code, e.message, { ...e.extensions, http: { status: 200 } }) : e;

/**
 * A subgraph's Identify. Every request of a caller reaches each subgraph with the same token (the gateway
 * forwards it), so a token is verified once and its identity kept until its exp (cachedIdentityFromHeader);
 * the current-agency check still runs on every request.
 */
export function subgraphIdentify(
  currentAgencies: CurrentAgencies,
  verify: (header: string | undefined) => Promise<Identity> = identityFromHeader,
): Identify {
  const identityOf = cachedIdentityFromHeader(verify);
  return async (authorization) => {
    const identity = await identityOf(authorization);
    await currentAgencies.check(identity);
    return identity;
  };
}

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  port: number;
  orm: Orm;
  stop(): Promise<void>;
}

export async function startSubgraph(
  svc: SubgraphService,
  opts: { databaseUrl: string; port?: number; host?: string; orm?: Orm; maxResolvedValues?: number },
): Promise<RunningSubgraph> {
  // Parsed and checked before anything starts: a misconfiguration must stop the service, not fail requests later.
  loadConfig();
  const log = logger(svc.name);
  const orm =
    opts.orm ??
    (await openOrm({
      schema: svc.db.schema,
      clientUrl: opts.databaseUrl,
      entities: svc.db.entities,
      migrations: svc.db.migrations,
      afterCommit: svc.db.afterCommit,
    }));
  const { schema } = await buildFederatedSchema(svc.schema);
  const currentAgencies = new CurrentAgencies(svc.officerAgencies?.(orm) ?? officerAgenciesFromPersonnel(svc.name));
  const identify = subgraphIdentify(currentAgencies);
  const app = baseApp();
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = SUBGRAPH_KEEP_ALIVE_MS;
  const metrics = subgraphMetrics(svc, orm);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The gateway sends the parallel fetches of one plan step as one batch: one identity check, shared DataLoaders.
    allowBatchedHttpRequests: true,
    formatError: formatErrorWith(log, svc.name),
    // run-service.ts owns SIGINT/SIGTERM (clean stop, exit 0), not Apollo.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      resultCap(opts.maxResolvedValues),
      metrics.plugin,
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => void res.json({ status: 'ok', service: svc.name }));
  app.get(
    '/ready',
    readinessRoute(svc.name, orm, () => workers),
  );
  app.get(
    '/internal/stats',
    requireInternalSecret,
    (_req, res) =>
      void res.json({
        service: svc.name,
        sqlStatements: sqlStats.statements,
        requestSqlStatements: sqlStats.requestStatements,
        rss: process.memoryUsage().rss,
      }),
  );
  metrics.mount(app);
  svc.routes?.(app, orm, identify);
  app.use(
    '/graphql',
    requireInternalSecret,
    (_req, _res, next) => requestScope.run(true, next),
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const serviceToken = req.header(SERVICE_TOKEN_HEADER);
        const authorization = req.header('authorization');
        const identity = serviceToken
          ? { role: null, service: await verifyServiceToken(serviceToken) }
          : await identify(authorization).catch((e: unknown) => {
              throw asGraphqlRefusal(blameDatabase(svc.name, e));
            });
        return newContext({
          identity,
          em: orm.em.fork(),
          log,
          authorization,
          idempotencyKey: req.header('idempotency-key'),
          // Trusted: only callers with the internal secret reach /graphql, and the gateway sets it itself.
          clientAddress: req.header(CLIENT_ADDRESS_HEADER),
        });
      },
    }),
  );
  app.use(jsonErrors);

  await new Promise<void>((resolve) => httpServer.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as { port: number }).port;
  const workers = svc.workers?.(orm) ?? [];
  log.info({ port }, 'subgraph listening');
  return {
    name: svc.name,
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    orm,
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await apollo.stop();
      if (!opts.orm) await orm.close();
    },
  };
}
