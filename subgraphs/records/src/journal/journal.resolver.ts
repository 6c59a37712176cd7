import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { AppError, badInput, notFound, requireId, requireUser, type Context } from '@tsp/shared';
import { createCheckpoint, JournalIntegrityError, listCheckpoints, publicKeyPem } from './checkpoint.js';
import { consistencyProofFor, inclusionProofFor, JournalRangeError, leavesOfEntries, treeSize } from './store.js';
import { journalEntrySource } from './entry-source.js';
import { JournalConsistencyProof, JournalInclusionProof, SignedCheckpoint } from './journal.types.js';

/** Range and integrity failures become errors a caller can act on. */
async function answer<T>(field: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof JournalRangeError) throw badInput(field, e.message);
    if (e instanceof JournalIntegrityError) throw new AppError('CONFLICT', `journal integrity failure / 记录日志完整性受损: ${e.message}`, { journalIntegrity: true });
    throw e;
  }
}

/**
 * Public proofs of the journal: hashes and sizes reveal no entry content, so anyone may hold the log
 * to account (as with Certificate Transparency). Entry content (leafData) only for its readers.
 */
@Resolver()
export class JournalResolver {
  @Query(() => SignedCheckpoint, { description: '当前签名检查点（公开） The current signed checkpoint; signs a new one when the log has grown' })
  journalCheckpoint(@Ctx() ctx: Context): Promise<SignedCheckpoint> {
    return answer('journalCheckpoint', () => createCheckpoint(ctx.em));
  }

  @Query(() => [SignedCheckpoint], { description: '历史检查点（公开） Stored checkpoints, newest first' })
  journalCheckpoints(
    @Ctx() ctx: Context,
    @Arg('beforeSize', () => Int, { nullable: true, description: '仅小于此大小 Only sizes below this' }) beforeSize?: number,
    @Arg('first', () => Int, { defaultValue: 20, description: '条数（≤100） How many (≤100)' }) first = 20,
  ): Promise<SignedCheckpoint[]> {
    return listCheckpoints(ctx.em, { beforeSize: beforeSize ?? undefined, first });
  }

  @Query(() => JournalConsistencyProof, { description: '一致性证明（公开） Consistency proof between two tree sizes' })
  journalConsistencyProof(
    @Ctx() ctx: Context,
    @Arg('from', () => Int, { description: '旧树大小 From size' }) from: number,
    @Arg('to', () => Int, { description: '新树大小 To size' }) to: number,
  ): Promise<JournalConsistencyProof> {
    return answer('from', () => consistencyProofFor(ctx.em, from, to));
  }

  @Query(() => JournalInclusionProof, { description: '包含性证明（需登录） Inclusion proof of a record entry; treeSize defaults to the current size' })
  async journalInclusionProof(
    @Ctx() ctx: Context,
    @Arg('entryId', () => ID, { description: '记录条目标识 Entry id' }) entryId: string,
    @Arg('treeSize', () => Int, { nullable: true, description: '树大小 Tree size (default: now)' }) size?: number,
  ): Promise<JournalInclusionProof> {
    requireUser(ctx.identity);
    const id = requireId('record entry', entryId);
    const source = journalEntrySource();
    // The entry's content is checked for read access by the records lifecycle before anything is revealed.
    const bytes = source ? (await source.entryBytes(ctx, [id]))[0] : null;
    const [leaf] = await leavesOfEntries(ctx.em, [id]);
    if (!leaf) throw notFound('journal leaf of record entry', id);
    const s = size ?? (await treeSize(ctx.em));
    const p = await answer('treeSize', () => inclusionProofFor(ctx.em, leaf.index, s));
    return { entryId: id, leafIndex: p.index, treeSize: p.treeSize, leafHash: p.leafHash, rootHash: p.rootHash, proof: p.proof, leafData: bytes ? bytes.toString('utf8') : null };
  }

  @Query(() => String, { description: '检查点验证公钥（PEM，公开） Public key (SPKI PEM) that verifies checkpoint signatures' })
  journalPublicKey(@Ctx() ctx: Context): Promise<string> {
    return publicKeyPem(ctx.em);
  }
}
