import { config } from '@tsp/shared';

import { S3BlobStore } from './s3-store.js';
import { type BlobStore, FsBlobStore } from './store.js';

/**
 * The attachment store named by BLOB_STORE. The configuration refuses BLOB_STORE=s3 without every
 * S3_* variable it needs at start-up: a misconfigured store must not look healthy.
 */
export function blobStoreFromEnv(): BlobStore {
  const c = config();
  if (c.BLOB_STORE === 'fs') return new FsBlobStore(c.BLOB_DIR);
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId } = c;
  const secretAccessKey = c.S3_SECRET_ACCESS_KEY;
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey)
    throw new Error('BLOB_STORE=s3 needs the S3_* variables');
  return new S3BlobStore({ endpoint, bucket, region: c.S3_REGION, accessKeyId, secretAccessKey });
}

/** Largest attachment by default: 2 GiB (BLOB_MAX_BYTES). */
export const DEFAULT_BLOB_MAX_BYTES = 2 * 1024 ** 3;

export interface BlobLimits {
  maxBytes: number;
  uncitedTtlMs: number;
  agencyQuotaBytes: number;
  sweepIntervalMs: number;
}

/** The attachment limits (BLOB_MAX_BYTES, BLOB_UNCITED_TTL_MS, BLOB_AGENCY_QUOTA_BYTES, BLOB_SWEEP_INTERVAL_MS). */
export function blobLimitsFromEnv(): BlobLimits {
  const c = config();
  return {
    maxBytes: c.BLOB_MAX_BYTES,
    uncitedTtlMs: c.BLOB_UNCITED_TTL_MS,
    agencyQuotaBytes: c.BLOB_AGENCY_QUOTA_BYTES,
    sweepIntervalMs: c.BLOB_SWEEP_INTERVAL_MS,
  };
}
