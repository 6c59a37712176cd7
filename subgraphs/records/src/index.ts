export { records } from './main.js';
export * from './entities/index.js';
export * from './journal/index.js';
export { FsBlobStore, type BlobStore } from './blobs/store.js';
export { sweepExpiredUploads, blobStoreFromEnv, type SweepResult } from './blobs/index.js';
