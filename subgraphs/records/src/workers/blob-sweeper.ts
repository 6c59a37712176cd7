import { logger, type Orm, periodicWorker } from '@tsp/shared';

import type { BlobStore } from '../blobs/store.js';
import { sweepExpiredUploads, type SweepResult } from '../blobs/sweeper.js';

export interface BlobSweeper {
  stop(): Promise<void>;
  /** Sweeps now (after any sweep in progress). */
  runNow(now?: Date): Promise<SweepResult>;
}

/** The periodic sweep, for records' `workers` hook: every `intervalMs`, and once shortly after start. */
export function startBlobSweeper(orm: Orm, store: BlobStore, o: { intervalMs: number; ttlMs: number }): BlobSweeper {
  const log = logger('records:blob-sweeper');
  return periodicWorker({
    async run(now?: Date) {
      const r = await sweepExpiredUploads(orm.em, store, { now: now ?? new Date(), ttlMs: o.ttlMs });
      if (r.expiredUploads) log.info(r, 'expired uploads swept (过期未引用附件已清理)');
      return r;
    },
    firstRunMs: Math.min(o.intervalMs, 60_000),
    next: () => o.intervalMs,
    log,
    failure: 'blob sweep could not run',
  });
}
