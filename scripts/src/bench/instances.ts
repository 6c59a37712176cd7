import { config, freePort, type SubgraphName, SUBGRAPHS, subgraphUrlVar } from '@tsp/shared';

import { type Child, startChild, waitHealthy } from '../launcher/children.js';
import { productionSecrets, type Running } from './platform.js';
import { type RoundRobin, startRoundRobin } from './round-robin.js';

/** One set: a gateway and an instance of every subgraph. */
type SetUrls = Record<SubgraphName | 'gateway', string>;

/**
 * `count` sets of the platform on one database, wired as test/kit/twin-platform.ts wires its two: set k's gateway
 * routes only to set k's subgraph instances. Here each set is a group of processes, so set k's subgraphs also call
 * each other (and their feeds) within the set. A round-robin balancer fronts the gateways (with one set as well, so
 * both cases pay the same hop). `env` is added to every process's (both sets the same).
 */
export async function startInstances(
  databaseUrl: string,
  count: number,
  env: Record<string, string> = {},
): Promise<Running & { balancer: RoundRobin }> {
  productionSecrets();
  const sets: SetUrls[] = [];
  for (let k = 0; k < count; k++) {
    const entries = await Promise.all(
      [...SUBGRAPHS, 'gateway'].map(async (n) => [n, `http://127.0.0.1:${await freePort()}/graphql`] as const),
    );
    sets.push(Object.fromEntries(entries) as SetUrls);
  }
  const children: Child[] = [];
  let balancer: RoundRobin | null = null;
  const stop = async () => {
    await balancer?.close();
    await Promise.all(children.reverse().map((c) => c.stop()));
  };
  try {
    // Set by set: fourteen processes starting at once on two busy cores outran the health wait.
    for (const [k, urls] of sets.entries()) {
      const base = {
        ...Object.fromEntries(SUBGRAPHS.map((n) => [subgraphUrlVar(n), urls[n]])),
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: config().LOG_LEVEL ?? 'error',
        NODE_ENV: 'production',
        ...env,
      };
      const set = [...SUBGRAPHS, 'gateway'].map((name, i) =>
        startChild(
          name,
          { ...base, PORT: new URL(urls[name as SubgraphName]).port },
          i,
          count > 1 ? `${name}#${k + 1}` : name,
        ),
      );
      children.push(...set);
      await Promise.all(
        set.map((c) => {
          const name = c.name.replace(/#\d+$/, '') as SubgraphName | 'gateway';
          return waitHealthy(urls[name].replace(/\/graphql$/, '/health'), c, 180_000);
        }),
      );
    }
    balancer = await startRoundRobin(sets.map((s) => s.gateway));
  } catch (e) {
    await stop();
    throw e;
  }
  const gatewayPids = children.filter((c) => c.name.startsWith('gateway')).map((c) => c.proc.pid!);
  const pid = (label: string) => children.find((c) => c.name === label)!.proc.pid!;
  // Only the targets this mode measures: 'gateway' (the balancer) and the first set's subgraphs.
  const urls = { ...sets[0], gateway: balancer.url } as Running['urls'];
  const pids = Object.fromEntries(
    [...SUBGRAPHS, 'gateway'].map((n) => [n, pid(count > 1 ? `${n}#1` : n)]),
  ) as Running['pids'];
  return {
    urls,
    pids,
    instances: Object.fromEntries(SUBGRAPHS.map((n) => [n, sets.map((s) => s[n])])) as Record<SubgraphName, string[]>,
    gatewayPids,
    balancer,
    stop,
  };
}
