import path from 'node:path';
import { env, type EnvVar } from '@tsp/shared';
import { FsBlobStore, type BlobStore } from './store.js';
import { S3BlobStore } from './s3-store.js';

const S3_REQUIRED: readonly EnvVar[] = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];

/**
 * The attachment store named by BLOB_STORE. Throws at startup, naming every missing variable, rather
 * than at the first upload: a misconfigured store must not look healthy.
 */
export function blobStoreFromEnv(): BlobStore {
  const kind = env('BLOB_STORE') ?? 'fs';
  if (kind === 'fs') return new FsBlobStore(env('BLOB_DIR') ?? path.resolve('.data', 'blobs'));
  if (kind !== 's3') throw new Error(`BLOB_STORE must be fs or s3, not "${kind}"`);
  const missing = S3_REQUIRED.filter((v) => !env(v));
  if (missing.length) throw new Error(`BLOB_STORE=s3 needs ${missing.join(', ')} (unset or empty)`);
  return new S3BlobStore({
    endpoint: env('S3_ENDPOINT')!,
    bucket: env('S3_BUCKET')!,
    region: env('S3_REGION') ?? 'us-east-1',
    accessKeyId: env('S3_ACCESS_KEY_ID')!,
    secretAccessKey: env('S3_SECRET_ACCESS_KEY')!,
  });
}

/** Largest attachment: 2 GiB. */
export const DEFAULT_BLOB_MAX_BYTES = 2 * 1024 ** 3;
/** An upload no case of its agency cites is deleted after 24 hours. */
export const DEFAULT_UNCITED_TTL_MS = 24 * 3600_000;
/** Bytes of uncited uploads an agency may hold at once: 10 GiB (five maximum-size recordings). */
export const DEFAULT_AGENCY_QUOTA_BYTES = 10 * 1024 ** 3;
/** How often expired uploads are swept: every 10 minutes. */
export const DEFAULT_SWEEP_INTERVAL_MS = 10 * 60_000;

export interface BlobLimits {
  maxBytes: number;
  uncitedTtlMs: number;
  agencyQuotaBytes: number;
  sweepIntervalMs: number;
}

function positiveInteger(name: EnvVar, fallback: number): number {
  const raw = env(name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return v;
}

/** The attachment limits; a malformed value stops records from starting rather than silently meaning "no limit". */
export function blobLimitsFromEnv(): BlobLimits {
  return {
    maxBytes: positiveInteger('BLOB_MAX_BYTES', DEFAULT_BLOB_MAX_BYTES),
    uncitedTtlMs: positiveInteger('BLOB_UNCITED_TTL_MS', DEFAULT_UNCITED_TTL_MS),
    agencyQuotaBytes: positiveInteger('BLOB_AGENCY_QUOTA_BYTES', DEFAULT_AGENCY_QUOTA_BYTES),
    sweepIntervalMs: positiveInteger('BLOB_SWEEP_INTERVAL_MS', DEFAULT_SWEEP_INTERVAL_MS),
  };
}
