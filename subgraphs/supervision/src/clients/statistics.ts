import { statisticsClient, type StatisticsRow } from '@tsp/shared';

/** The subgraphs holding enforcement facts other than the bureau's own (complaints are read here). */
export const STATISTICS_SOURCES = ['records', 'review', 'disclosure', 'inspection'] as const;

const clients = STATISTICS_SOURCES.map((s) => statisticsClient('supervision', s));

/**
 * Every source's rows for the region and days, asked in parallel. Fails closed: one source not answering fails the
 * whole (DEPENDENCY_UNAVAILABLE naming it), since statistics that silently leave a source out would be wrong.
 */
export async function sourceRows(region: string, from: string, to: string): Promise<StatisticsRow[]> {
  return (await Promise.all(clients.map((c) => c.rows(region, from, to)))).flat();
}
