import { DateScalar, DateTimeScalar } from '@tsp/shared';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

import { ChallengeKind, ChallengeOutcome } from '../rules/challenge.js';

registerEnumType(ChallengeKind, {
  name: 'ChallengeKind',
  description: '救济途径 How a decision was challenged',
  valuesConfig: {
    RECONSIDERATION: { description: '行政复议 administrative reconsideration (行政复议法)' },
    LITIGATION: { description: '行政诉讼 administrative litigation (行政诉讼法)' },
  },
});

registerEnumType(ChallengeOutcome, {
  name: 'ChallengeOutcome',
  description: '复议决定或裁判结果 Outcome of a reconsideration or lawsuit',
  valuesConfig: {
    PENDING: { description: '审理中 not decided yet' },
    UPHELD: { description: '维持 / 驳回诉讼请求 the decision stands (行政复议法 §68; 行政诉讼法 §69)' },
    CHANGED: { description: '变更 changed (行政复议法 §63; 行政诉讼法 §77) — overturns' },
    REVOKED: { description: '撤销或者部分撤销 revoked in whole or part (行政复议法 §64; 行政诉讼法 §70) — overturns' },
    CONFIRMED_UNLAWFUL: {
      description: '确认违法 confirmed unlawful, not revoked (行政复议法 §65; 行政诉讼法 §74) — overturns',
    },
    CONFIRMED_VOID: { description: '确认无效 confirmed void (行政复议法 §67; 行政诉讼法 §75) — overturns' },
    DISMISSED: { description: '驳回复议请求 / 裁定驳回起诉 the request or suit dismissed (行政复议法 §69)' },
    WITHDRAWN: { description: '撤回申请 / 撤诉 withdrawn by the applicant or plaintiff (行政诉讼法 §62)' },
  },
});

@ObjectType({ description: '行政复议或行政诉讼 A reconsideration or lawsuit against the decision' })
export class DecisionChallenge {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => ID, { description: '执法案件 Case id' })
  caseId!: string;
  @Field(() => ChallengeKind, { description: '救济途径 Reconsideration or litigation' })
  kind!: ChallengeKind;
  @Field({ description: '复议机关或人民法院 Reconsideration body or court' })
  body!: string;
  @Field({ description: '案号 Reference of the reconsideration or lawsuit' })
  reference!: string;
  @Field(() => DateScalar, { description: '申请或起诉日期 Filed on' })
  filedOn!: string;
  @Field(() => ChallengeOutcome, { description: '结果 Outcome (PENDING until decided)' })
  outcome!: ChallengeOutcome;
  @Field(() => DateScalar, { nullable: true, description: '结果作出日期 Decided on; null while PENDING' })
  decidedOn!: string | null;
  @Field({ description: '摘要 Summary of the request or the outcome' })
  summary!: string;
  @Field(() => DateTimeScalar, { description: '更新时间 Last changed' })
  updatedAt!: Date;
}

@InputType({ description: '记录行政复议或行政诉讼 A reconsideration or lawsuit to record' })
export class RecordDecisionChallengeInput {
  @Field(() => ID, { description: '执法案件 Case id (decided)' })
  caseId!: string;
  @Field(() => ChallengeKind, { description: '救济途径 Reconsideration or litigation' })
  kind!: ChallengeKind;
  @Field({ description: '复议机关或人民法院 Reconsideration body or court (≤200)' })
  body!: string;
  @Field({ description: '案号 Reference (≤100; one per case and kind)' })
  reference!: string;
  @Field(() => DateScalar, { description: '申请或起诉日期 Filed on: not before the decision, not in the future' })
  filedOn!: string;
  @Field(() => ChallengeOutcome, {
    nullable: true,
    description: '结果 Outcome if already decided (default PENDING)',
  })
  outcome?: ChallengeOutcome | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: '结果作出日期 Decided on: with an outcome only, not before filing, not in the future',
  })
  decidedOn?: string | null;
  @Field({ description: '摘要 Summary of the request or the outcome (≤2000)' })
  summary!: string;
}

@InputType({ description: '复议决定或裁判结果 The outcome of a pending challenge' })
export class DecideDecisionChallengeInput {
  @Field(() => ID, { description: '标识 Challenge id' })
  id!: string;
  @Field(() => ChallengeOutcome, { description: '结果 Outcome (not PENDING)' })
  outcome!: ChallengeOutcome;
  @Field(() => DateScalar, { description: '结果作出日期 Decided on: not before filing, not in the future' })
  decidedOn!: string;
  @Field({ description: '摘要 Summary of the outcome (≤2000)' })
  summary!: string;
}
