import { type RunningGateway, startGateway } from '@tsp/gateway';
import { loadServices } from '@tsp/scripts/services';
import { type RunningSubgraph, startSubgraph, type SubgraphName, SUBGRAPHS } from '@tsp/shared';

import { type Platform, startPlatform } from './platform';

export interface TwinPlatform extends Platform {
  /** The second instance of every subgraph: same database, own connection pool, workers and listeners. */
  twins: Record<SubgraphName, RunningSubgraph>;
  /** A second gateway whose subgraph calls reach only the second instances. */
  gateway2: RunningGateway;
  /** Both gateways' URLs; `via(i)` picks one round-robin, as a load balancer would. */
  gatewayUrls: [string, string];
  via(i: number): { url: string };
}

/**
 * Two instances of every subgraph on one database, and two gateways, each routing to its own instances.
 * All run in this process, so subgraph-to-subgraph calls (read from process-wide configuration) reach the
 * first instances; what the twins prove is that their workers and writes share the database correctly.
 */
export async function startTwinPlatform(): Promise<TwinPlatform> {
  const p = await startPlatform();
  const twins = {} as Record<SubgraphName, RunningSubgraph>;
  const services = await loadServices();
  for (const name of SUBGRAPHS) twins[name] = await startSubgraph(services[name], { databaseUrl: p.databaseUrl });
  const gateway2 = await startGateway({ urls: Object.fromEntries(SUBGRAPHS.map((n) => [n, twins[n].url])) });
  const gatewayUrls: [string, string] = [p.gatewayUrl, gateway2.url];
  const stop = p.stop;
  return Object.assign(p, {
    twins,
    gateway2,
    gatewayUrls,
    via: (i: number) => ({ url: gatewayUrls[i % 2] }),
    async stop() {
      await gateway2.stop();
      for (const name of SUBGRAPHS) await twins[name].stop().catch(() => undefined);
      await stop();
    },
  });
}
