import type { EntityManager } from '@mikro-orm/postgresql';

import type { BlobStore } from './store.js';
import { bytesStillNeeded, deleteExpiredUploads, lockBlobBytes } from './uploads.js';

export interface SweepResult {
  /** Upload rows deleted (an agency's uncited upload past its expiry). */
  expiredUploads: number;
  /** Blobs whose bytes left the store (no agency holds them and no case cites them). */
  blobsDeleted: number;
  freedBytes: number;
}

/**
 * Deletes the bytes of `sha256` unless something still needs them, holding the blob's lock so an
 * upload of the same bytes waits and then finds them gone (and says so) rather than trusting bytes
 * removed behind its back. True only when bytes were there to delete: two sweepers (instances) that each
 * forgot one agency's upload of the same blob both come here, and only the first frees them.
 */
export async function deleteBytesIfUnneeded(em: EntityManager, store: BlobStore, sha256: string): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    await lockBlobBytes(tx, sha256);
    if (await bytesStillNeeded(tx, sha256)) return false;
    if (!(await store.has(sha256))) return false;
    await store.delete(sha256);
    return true;
  });
}

/**
 * One sweep: uploads no case of their agency cites, uploaded before `now - ttlMs`, are forgotten
 * in batches, then the bytes nothing needs any more are deleted. Rows go first: a crash in between
 * leaves bytes nobody can cite or read (harmless, re-uploadable), never a row without its bytes.
 * `now` is an argument so tests need not wait out the expiry.
 */
export async function sweepExpiredUploads(
  em: EntityManager,
  store: BlobStore,
  o: { now: Date; ttlMs: number; batch?: number },
): Promise<SweepResult> {
  const cutoff = new Date(o.now.getTime() - o.ttlMs);
  const batch = o.batch ?? 500;
  const result: SweepResult = { expiredUploads: 0, blobsDeleted: 0, freedBytes: 0 };
  for (;;) {
    const expired = await em.fork().transactional((tx) => deleteExpiredUploads(tx, cutoff, batch));
    result.expiredUploads += expired.length;
    const sizes = new Map(expired.map((r) => [r.sha256, r.size]));
    for (const [sha256, size] of sizes) {
      if (await deleteBytesIfUnneeded(em, store, sha256)) {
        result.blobsDeleted += 1;
        result.freedBytes += size;
      }
    }
    if (expired.length < batch) return result;
  }
}
