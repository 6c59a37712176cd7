import { DateTimeScalar } from '@tsp/shared';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    '日志签名检查点 Signed checkpoint of the records journal: tree size, root hash and time, signed with Ed25519 (C2SP signed note)',
})
export class SignedCheckpoint {
  @Field({ description: '日志来源标识 Origin line of the log' })
  origin!: string;
  @Field(() => Int, { description: '树大小（条目数） Tree size: number of leaves' })
  size!: number;
  @Field({ description: '根哈希（十六进制） Root hash, hex' })
  rootHash!: string;
  @Field(() => DateTimeScalar, { description: '签名时间 Signed at' })
  signedAt!: Date;
  @Field({ description: '签名文本（保存后供离线核验） The whole signed note: keep it to check the log later' })
  note!: string;
  @Field({ description: '签名密钥标识 Signed-note key id of the signer, hex' })
  keyId!: string;
}

@ObjectType({
  description: '一致性证明 Consistency proof (RFC 6962 §2.1.2): the smaller tree is a prefix of the larger one',
})
export class JournalConsistencyProof {
  @Field(() => Int, { description: '旧树大小 From size' })
  fromSize!: number;
  @Field(() => Int, { description: '新树大小 To size' })
  toSize!: number;
  @Field({ description: '旧树根哈希 Root at from size, hex' })
  fromRoot!: string;
  @Field({ description: '新树根哈希 Root at to size, hex' })
  toRoot!: string;
  @Field(() => [String], { description: '证明路径 Proof hashes, hex' })
  proof!: string[];
}

@ObjectType({ description: '包含性证明 Inclusion proof (RFC 6962 §2.1.1) of a record entry in the journal' })
export class JournalInclusionProof {
  @Field({ description: '记录条目标识 Entry id' })
  entryId!: string;
  @Field(() => Int, { description: '叶序号 Leaf index in the log' })
  leafIndex!: number;
  @Field(() => Int, { description: '树大小 Tree size the proof is for' })
  treeSize!: number;
  @Field({ description: '叶哈希 Leaf hash, hex' })
  leafHash!: string;
  @Field({ description: '根哈希 Root at tree size, hex' })
  rootHash!: string;
  @Field(() => [String], { description: '审计路径 Audit path, hex, leaf side first' })
  proof!: string[];
  @Field(() => String, {
    nullable: true,
    description:
      '叶数据（规范JSON，可读者可见） The leaf data (canonical JSON of the entry), for callers who may read the entry',
  })
  leafData!: string | null;
}
