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
