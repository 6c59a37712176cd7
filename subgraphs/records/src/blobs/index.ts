import type { Identify, Orm } from '@tsp/shared';
import type { Express } from 'express';

import { blobRoutes } from '../routes/blobs.js';
import { type BlobSweeper, startBlobSweeper } from '../workers/blob-sweeper.js';
import { blobLimitsFromEnv, blobStoreFromEnv } from './from-env.js';

export { DEFAULT_BLOB_MAX_BYTES } from './from-env.js';

/**
 * Mounts the attachment store on the records subgraph. Agency staff upload (evidence is uploaded
 * before the entry that cites it), and the agency then holds the blob: only it may cite it, and a
 * blob is readable by whoever may read a case of a holding agency that cites it, so a hash alone
 * reveals nothing. The store is the filesystem or an S3-compatible bucket (BLOB_STORE); a missing
 * S3 setting or a malformed limit stops the subgraph from starting.
 */
export function mountBlobs(app: Express, orm: Orm, identify: Identify): void {
  blobRoutes(app, { store: blobStoreFromEnv(), limits: blobLimitsFromEnv(), identify, orm });
}

/** Deletes uploads no case of their agency cited within BLOB_UNCITED_TTL_MS, every BLOB_SWEEP_INTERVAL_MS. */
export function startBlobSweeperFromEnv(orm: Orm): BlobSweeper {
  const limits = blobLimitsFromEnv();
  return startBlobSweeper(orm, blobStoreFromEnv(), { intervalMs: limits.sweepIntervalMs, ttlMs: limits.uncitedTtlMs });
}

export { type BlobSweeper, startBlobSweeper } from '../workers/blob-sweeper.js';
export { blobStoreFromEnv } from './from-env.js';
export { sweepExpiredUploads, type SweepResult } from './sweeper.js';
