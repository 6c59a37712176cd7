import {
  AppError,
  badInput,
  confirmCommitted,
  type Context,
  flushWal,
  notFound,
  requireId,
  requireUser,
} from '@tsp/shared';

import {
  consistencyProofFor,
  createCheckpoint,
  inclusionProofFor,
  isQueued,
  journalEntrySource,
  JournalIntegrityError,
  JournalRangeError,
  leavesOfEntries,
  listCheckpoints,
  publicKeyPem,
  treeSize,
} from '../journal/index.js';
import type { JournalConsistencyProof, JournalInclusionProof, SignedCheckpoint } from '../schema/journal.types.js';

/**
 * Range and integrity failures become errors a caller can act on. A head or proof is answered only once the
 * leaves it covers are on disk: appends commit without waiting for the flush (@tsp/shared group-commit.ts).
 */
async function answer<T>(ctx: Context, field: string, f: () => Promise<T>): Promise<T> {
  try {
    const result = await f();
    await flushWal(ctx.em);
    return result;
  } catch (e) {
    if (e instanceof JournalRangeError) {
      // Its message names the journal's size: a position given out like any other.
      await flushWal(ctx.em);
      throw badInput(field, e.message);
    }
    if (e instanceof JournalIntegrityError) {
      throw new AppError('CONFLICT', `journal integrity failure / 记录日志完整性受损: ${e.message}`, {
        journalIntegrity: true,
      });
    }
    throw e;
  }
}

/** The current signed checkpoint; signs a new one when the log has grown. */
export function journalCheckpoint(ctx: Context): Promise<SignedCheckpoint> {
  return answer(ctx, 'journalCheckpoint', () => createCheckpoint(ctx.em));
}

/** Stored checkpoints, newest first. */
export function journalCheckpoints(
  ctx: Context,
  beforeSize: number | undefined,
  first: number,
): Promise<SignedCheckpoint[]> {
  return listCheckpoints(ctx.em, { beforeSize, first });
}

export function journalConsistencyProof(ctx: Context, from: number, to: number): Promise<JournalConsistencyProof> {
  return answer(ctx, 'from', () => consistencyProofFor(ctx.em, from, to));
}

/** Signed-in callers; the entry's content only when the records lifecycle's entry source lets them read it. */
export async function journalInclusionProof(
  ctx: Context,
  entryId: string,
  size?: number,
): Promise<JournalInclusionProof> {
  requireUser(ctx.identity);
  const id = requireId('record entry', entryId);
  const source = journalEntrySource();
  // The entry's content is checked for read access by the records lifecycle before anything is revealed.
  const bytes = source ? (await source.entryBytes(ctx, [id]))[0] : null;
  let [leaf] = await leavesOfEntries(ctx.em, [id]);
  // Queued still (its write is being answered, or its integration failed): moved into the tree first, so whoever
  // sees the entry (a RecordAppended event) can have its proof.
  if (!leaf && (await isQueued(ctx.em, id))) {
    await confirmCommitted(ctx.em);
    [leaf] = await leavesOfEntries(ctx.em, [id]);
  }
  if (!leaf) throw notFound('journal leaf of record entry', id);
  const s = size ?? (await treeSize(ctx.em));
  const p = await answer(ctx, 'treeSize', () => inclusionProofFor(ctx.em, leaf.index, s));
  return {
    entryId: id,
    leafIndex: p.index,
    treeSize: p.treeSize,
    leafHash: p.leafHash,
    rootHash: p.rootHash,
    proof: p.proof,
    leafData: bytes ? bytes.toString('utf8') : null,
  };
}

export function journalPublicKey(ctx: Context): Promise<string> {
  return publicKeyPem(ctx.em);
}
