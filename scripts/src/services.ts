import type { SubgraphName, SubgraphService } from '@tsp/shared';

/**
 * Each registered subgraph's service (shared/src/config/subgraphs.ts), loaded on demand: a service process needs
 * only its own package, and loading all six (and the gateway) cost every process 4.3 s of CPU at start. The type
 * makes the compiler ask for a new one.
 */
const loaders: Record<SubgraphName, () => Promise<SubgraphService>> = {
  personnel: async () => (await import('@tsp/personnel')).personnel,
  records: async () => (await import('@tsp/records')).records,
  review: async () => (await import('@tsp/review')).review,
  disclosure: async () => (await import('@tsp/disclosure')).disclosure,
  inspection: async () => (await import('@tsp/inspection')).inspection,
  supervision: async () => (await import('@tsp/supervision')).supervision,
};

export const loadService = (name: SubgraphName): Promise<SubgraphService> => loaders[name]();

/** Every subgraph's service, for code that runs them all in one process (tests, migrations, composition). */
export async function loadServices(): Promise<Record<SubgraphName, SubgraphService>> {
  const names = Object.keys(loaders) as SubgraphName[];
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await loadService(n)]))) as Record<
    SubgraphName,
    SubgraphService
  >;
}
