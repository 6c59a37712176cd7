export { blobStoreFromEnv, sweepExpiredUploads, type SweepResult } from './blobs/index.js';
export { type BlobStore, FsBlobStore } from './blobs/store.js';
export * from './entities/index.js';
export * from './journal/index.js';
export { records } from './main.js';
