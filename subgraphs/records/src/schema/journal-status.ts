import type { Context } from '@tsp/shared';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';

import type { CaseEntity } from '../entities/index.js';
import { journalReport, verifyReadableCaseJournal } from '../read/journal-report.js';
import { EnforcementCase } from './types.js';

@ObjectType({
  description:
    '记录日志状态 Journal status of a case: its entries re-hashed and checked against the tamper-evident log',
})
export class JournalStatus {
  @Field(() => Int, { description: '日志中本案条目数 Leaves of this case in the journal' })
  length!: number;
  @Field({ description: '日志根哈希 Root hash of the whole journal it was checked against, hex' })
  rootHash!: string;
  @Field({ description: '是否完好 Every entry matches its leaf and the log is consistent with its signed checkpoint' })
  intact!: boolean;
}

@ObjectType({ description: "案件记录校验结果 Result of re-verifying a case's record against the journal" })
export class CaseJournalVerification extends JournalStatus {
  @Field(() => ID, { description: '案件 Case' })
  caseId!: string;
  @Field(() => Int, { description: '日志大小 Size of the journal checked against' })
  treeSize!: number;
  @Field(() => Int, {
    nullable: true,
    description: '最新签名检查点大小 Newest signed checkpoint used (null: none yet)',
  })
  checkpointSize!: number | null;
  @Field(() => [String], { description: '问题 What does not check out (empty when intact)' })
  problems!: string[];
}

@Resolver(() => EnforcementCase)
export class CaseJournalResolver {
  @FieldResolver(() => JournalStatus, {
    description: '记录日志状态 Journal status: entries re-hashed against the tamper-evident log',
  })
  journal(@Root() c: CaseEntity, @Ctx() ctx: Context) {
    return journalReport(ctx).load(c.id);
  }
}

@Resolver()
export class VerifyCaseJournalResolver {
  @Query(() => CaseJournalVerification, {
    description:
      "校验案件记录 Re-hash a case's entries and check them against the journal and its newest signed checkpoint",
  })
  verifyCaseJournal(@Ctx() ctx: Context, @Arg('caseId', () => ID, { description: '执法案件 Case id' }) caseId: string) {
    return verifyReadableCaseJournal(ctx, caseId);
  }
}
