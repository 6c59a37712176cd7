import { type RunningGateway, startGateway } from '@tsp/gateway';
import { loadServices } from '@tsp/scripts/services';
import {
  overrideConfig,
  resetBreakers,
  type RunningSubgraph,
  signDevToken,
  sqlStats,
  startSubgraph,
  type SubgraphName,
  SUBGRAPHS,
  type SubgraphService,
  subgraphUrlVar,
  type TokenClaims,
} from '@tsp/shared';

import { createMigratedDatabase } from './db';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: unknown[] }[];
}

export interface Platform {
  databaseUrl: string;
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  gateway: RunningGateway;
  /** POSTs a GraphQL request to the gateway (or `url`) with an optional bearer token. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string; url?: string; headers?: Record<string, string> },
  ): Promise<GqlResult<T>>;
  /** Counts SQL statements the subgraphs run for GraphQL requests while `fn` runs (all run in this process; background work excluded). */
  countSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }>;
  stopSubgraph(name: SubgraphName): Promise<void>;
  restartSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

export const token = (claims: TokenClaims, ttl?: string | number) => signDevToken(claims, ttl);

/**
 * The real platform in this process: a fresh database, migrations, the five subgraphs and the gateway on ephemeral
 * ports. `replace` swaps a subgraph's service, e.g. for one whose background workers a test holds or leaves out.
 */
export async function startPlatform(replace: Partial<Record<SubgraphName, SubgraphService>> = {}): Promise<Platform> {
  const services = await loadServices();
  const service = (name: SubgraphName) => replace[name] ?? services[name];
  const databaseUrl = await createMigratedDatabase();
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  for (const name of SUBGRAPHS) subgraphs[name] = await startSubgraph(service(name), { databaseUrl });
  // Subgraph-to-subgraph calls read these.
  const restoreUrls = overrideConfig(Object.fromEntries(SUBGRAPHS.map((n) => [subgraphUrlVar(n), subgraphs[n].url])));
  // The checked-in supergraph (test/supergraph.test.ts fails when it is stale): composing it again in every
  // file cost 1.4 s each.
  const gateway = await startGateway({ urls: Object.fromEntries(SUBGRAPHS.map((n) => [n, subgraphs[n].url])) });
  const ports: Partial<Record<SubgraphName, number>> = {};

  const gql: Platform['gql'] = async (query, variables = {}, opts = {}) => {
    const res = await fetch(opts.url ?? gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: res.status, ...body };
  };

  return {
    databaseUrl,
    gatewayUrl: gateway.url,
    subgraphs,
    gateway,
    gql,
    async countSql(fn) {
      const before = sqlStats.requestStatements;
      const result = await fn();
      return { result, statements: sqlStats.requestStatements - before };
    },
    async stopSubgraph(name) {
      ports[name] = subgraphs[name].port;
      await subgraphs[name].stop();
    },
    async restartSubgraph(name) {
      subgraphs[name] = await startSubgraph(service(name), { databaseUrl, port: ports[name] ?? subgraphs[name].port });
      // A restart is known here: calls reach the new instance at once instead of after the breaker's open interval.
      resetBreakers();
    },
    async stop() {
      await gateway.stop();
      for (const name of SUBGRAPHS) await subgraphs[name].stop().catch(() => undefined);
      restoreUrls();
    },
  };
}
