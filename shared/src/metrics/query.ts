import type { Orm } from '../db/orm.js';
import { collectTimeoutMs } from './config.js';

/**
 * A scrape-time query that PostgreSQL itself stops at METRICS_COLLECT_TIMEOUT_MS (statement_timeout
 * for its transaction only), so a slow count never keeps running after the scrape gave up on it.
 */
export async function queryForMetrics<T>(orm: Orm, sql: string, params: unknown[] = []): Promise<T[]> {
  return orm.em.fork().transactional(async (tx) => {
    await tx.execute(`set local statement_timeout = ${collectTimeoutMs()}`);
    return tx.execute(sql, params) as Promise<T[]>;
  });
}
