import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

import { AppError } from '../errors.js';

/** One limit: so many actions per window, counted per key. */
export interface RateLimit {
  /** Names the limit in the stored keys and the refusal (`hour`, `day`). */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * The table rate-limiter-flexible's Postgres store writes (its own layout: key, points, expiry in ms), created by
 * the subgraph's migration so no service creates tables at run time. Several instances share the counts.
 */
export function rateLimitSql(schema: string, table: string): string[] {
  return [
    `create table ${schema}.${table} (
      key varchar(255) primary key,
      points integer not null default 0,
      expire bigint)`,
  ];
}

const limiters = new WeakMap<object, Map<string, RateLimiterPostgres>>();

function limiterFor(em: EntityManager, schema: string, table: string, limit: RateLimit): RateLimiterPostgres {
  const knex = em.getKnex();
  let byLimit = limiters.get(knex);
  if (!byLimit) limiters.set(knex, (byLimit = new Map()));
  // Points and window are part of the key: a changed configuration (tests override it) gets a limiter of its own.
  const id = `${schema}.${table}:${limit.name}:${limit.points}:${limit.durationSeconds}`;
  let l = byLimit.get(id);
  if (!l)
    byLimit.set(
      id,
      (l = new RateLimiterPostgres({
        storeClient: knex,
        storeType: 'knex',
        schemaName: schema,
        tableName: table,
        tableCreated: true,
        keyPrefix: limit.name,
        points: limit.points,
        duration: limit.durationSeconds,
      })),
    );
  return l;
}

/**
 * Counts one action of `key` against every limit; over any of them it is `RATE_LIMITED` with
 * `extensions.retryAfterSeconds` (the longest wait among the limits passed) and `limit` (which one). A refused
 * attempt counts too, so hammering does not shorten the wait. The store failing is DEPENDENCY_UNAVAILABLE: the
 * write is refused rather than let through uncounted.
 */
export async function consumeRateLimits(
  em: EntityManager,
  at: { schema: string; table: string },
  key: string,
  limits: readonly RateLimit[],
): Promise<void> {
  let refused: { limit: RateLimit; ms: number } | undefined;
  for (const limit of limits) {
    try {
      await limiterFor(em, at.schema, at.table, limit).consume(key, 1);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw new AppError('DEPENDENCY_UNAVAILABLE', 'rate limit store unavailable');
      if (!refused || e.msBeforeNext > refused.ms) refused = { limit, ms: e.msBeforeNext };
    }
  }
  if (refused) {
    const retryAfterSeconds = Math.max(1, Math.ceil(refused.ms / 1000));
    throw new AppError(
      'RATE_LIMITED',
      `too many submissions from your address: at most ${refused.limit.points} per ${refused.limit.name}; ` +
        `try again in ${retryAfterSeconds} s / 提交过于频繁，请稍后再试`,
      { retryAfterSeconds, limit: refused.limit.name },
    );
  }
}
