import type { RequestHandler } from 'express';

import type { Orm } from '../db/orm.js';
import { logger } from '../logger.js';
import { READY_CHECK_TIMEOUT_MS } from '../resilience/timeouts.js';
import type { Heartbeat, HeartbeatStatus } from './heartbeat.js';

export interface Readiness {
  ready: boolean;
  service: string;
  /** What is not ready, e.g. "records database", "worker review.decisions". */
  failing: string[];
  database: { ok: boolean; ms: number };
  workers: HeartbeatStatus[];
}

/** `select 1` through the service's own pool, given up after `timeoutMs` (the pool's acquire timeout ends the rest). */
async function databaseAnswers(orm: Orm, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([
      orm.em
        .getConnection()
        .execute('select 1')
        .then(() => true),
      late,
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(
  service: string,
  orm: Orm,
  heartbeats: Heartbeat[],
  timeoutMs = READY_CHECK_TIMEOUT_MS,
): Promise<Readiness> {
  const started = Date.now();
  const dbOk = await databaseAnswers(orm, timeoutMs);
  const database = { ok: dbOk, ms: Date.now() - started };
  const workers = heartbeats.map((h) => h.status());
  const stuck = workers.filter((w) => !w.ok).map((w) => `worker ${w.name}`);
  const failing = [...(dbOk ? [] : [`${service} database`]), ...stuck];
  return { ready: failing.length === 0, service, failing, database, workers };
}

/**
 * GET /ready of a subgraph: 200 when its database answers `select 1` within 3 s and no background
 * worker is stuck; else 503 naming what fails. Open like /health (probes carry no secret); it names
 * checks, never addresses or error texts.
 */
export function readinessRoute(service: string, orm: Orm, workers: () => { heartbeat?: Heartbeat }[]): RequestHandler {
  const log = logger(service);
  let wasReady = true;
  return async (_req, res) => {
    const r = await checkReadiness(
      service,
      orm,
      workers().flatMap((w) => (w.heartbeat ? [w.heartbeat] : [])),
    );
    if (r.ready && !wasReady) log.info('ready again');
    if (!r.ready && wasReady) log.warn({ failing: r.failing }, 'not ready');
    wasReady = r.ready;
    res.status(r.ready ? 200 : 503).json(r);
  };
}
