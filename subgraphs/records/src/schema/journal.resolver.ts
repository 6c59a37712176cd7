import type { Context } from '@tsp/shared';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';

import {
  journalCheckpoint,
  journalCheckpoints,
  journalConsistencyProof,
  journalInclusionProof,
  journalPublicKey,
} from '../read/journal-proofs.js';
import { JournalConsistencyProof, JournalInclusionProof, SignedCheckpoint } from './journal.types.js';

/**
 * Public proofs of the journal: hashes and sizes reveal no entry content, so anyone may hold the log
 * to account (as with Certificate Transparency). Entry content (leafData) only for its readers.
 */
@Resolver()
export class JournalResolver {
  @Query(() => SignedCheckpoint, {
    description: '当前签名检查点（公开） The current signed checkpoint; signs a new one when the log has grown',
  })
  journalCheckpoint(@Ctx() ctx: Context): Promise<SignedCheckpoint> {
    return journalCheckpoint(ctx);
  }

  @Query(() => [SignedCheckpoint], { description: '历史检查点（公开） Stored checkpoints, newest first' })
  journalCheckpoints(
    @Ctx() ctx: Context,
    @Arg('beforeSize', () => Int, { nullable: true, description: '仅小于此大小 Only sizes below this' })
    beforeSize?: number,
    @Arg('first', () => Int, { defaultValue: 20, description: '条数（≤100） How many (≤100)' }) first = 20,
  ): Promise<SignedCheckpoint[]> {
    return journalCheckpoints(ctx, beforeSize ?? undefined, first);
  }

  @Query(() => JournalConsistencyProof, { description: '一致性证明（公开） Consistency proof between two tree sizes' })
  journalConsistencyProof(
    @Ctx() ctx: Context,
    @Arg('from', () => Int, { description: '旧树大小 From size' }) from: number,
    @Arg('to', () => Int, { description: '新树大小 To size' }) to: number,
  ): Promise<JournalConsistencyProof> {
    return journalConsistencyProof(ctx, from, to);
  }

  @Query(() => JournalInclusionProof, {
    description: '包含性证明（需登录） Inclusion proof of a record entry; treeSize defaults to the current size',
  })
  journalInclusionProof(
    @Ctx() ctx: Context,
    @Arg('entryId', () => ID, { description: '记录条目标识 Entry id' }) entryId: string,
    @Arg('treeSize', () => Int, { nullable: true, description: '树大小 Tree size (default: now)' }) size?: number,
  ): Promise<JournalInclusionProof> {
    return journalInclusionProof(ctx, entryId, size);
  }

  @Query(() => String, {
    description: '检查点验证公钥（PEM，公开） Public key (SPKI PEM) that verifies checkpoint signatures',
  })
  journalPublicKey(@Ctx() ctx: Context): Promise<string> {
    return journalPublicKey(ctx);
  }
}
