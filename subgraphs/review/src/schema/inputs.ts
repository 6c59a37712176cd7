import {
  DateScalar,
  DecimalScalar,
  DiscretionCircumstance,
  DiscretionTier,
  EnforcementCategory,
  PartyType,
  PenaltyKind,
} from '@tsp/shared';
import { Directive, Field, ID, InputType, Int } from 'type-graphql';

import { ReviewOutcome, ReviewStatus } from './enums.js';

@InputType({
  description: '金额标准 Amount threshold by party type (leave a side empty when the rule does not apply to it)',
})
export class AmountThresholdInput {
  @Field(() => DecimalScalar, { nullable: true, description: '自然人（元） Natural person, yuan' })
  naturalPerson?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '法人或其他组织（元） Organisation, yuan' })
  organization?: string | null;
}

@InputType({ description: '目录条目 Catalogue rule to create (no id) or replace (id)' })
export class ReviewCatalogRuleInput {
  @Field(() => ID, { nullable: true, description: '条目标识（修改时） Rule id, to replace an existing rule' })
  id?: string | null;
  @Field(() => ID, { description: '所属机关 Agency' })
  agencyId!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '情形 Description, e.g. 拟作出较大数额罚款的' })
  description!: string;
  @Field(() => [PenaltyKind], { defaultValue: [], description: '处罚种类（任一） Penalty kinds, any of' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => AmountThresholdInput, { nullable: true, description: '罚款数额标准 Fine threshold' })
  fineThreshold?: AmountThresholdInput | null;
  @Field(() => AmountThresholdInput, { nullable: true, description: '涉案金额标准 Amount-involved threshold' })
  amountInvolvedThreshold?: AmountThresholdInput | null;
  @Field({ defaultValue: false, description: '经过听证程序 Applies when a hearing was held' })
  hearingHeld!: boolean;
  @Field(() => String, { nullable: true, description: '执法层级 Enforcement level' })
  enforcementLevel?: string | null;
  @Field(() => String, { nullable: true, description: '所属领域 Field' })
  field?: string | null;
  @Field(() => String, { nullable: true, description: '社会影响 Social impact' })
  socialImpact?: string | null;
  @Field({ description: '依据 Legal basis' })
  legalBasis!: string;
}

@InputType({ description: '法制审核设置 Review settings of an agency' })
export class ReviewSettingsInput {
  @Field(() => ID, { description: '机关 Agency' })
  agencyId!: string;
  @Field(() => Int, { description: '审核期限（工作日，1–30） Working days, 1–30' })
  normalDays!: number;
  @Field(() => Int, { description: '复杂案件期限（工作日，1–30） Working days for complex cases, 1–30' })
  complexDays!: number;
  @Field(() => DecimalScalar, { description: '较大数额：自然人 Large amount for a natural person' })
  largeAmountNaturalPerson!: string;
  @Field(() => DecimalScalar, { description: '较大数额：组织 Large amount for an organisation' })
  largeAmountOrganization!: string;
}

@InputType({ description: '待查询的决定 A decision to check before recording it (EnforcementCase.reviewRequirement)' })
export class DecisionToCheckInput {
  @Field(() => [PenaltyKind], { description: '处罚种类 Penalty kinds (empty for a non-penalty decision)' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => DecimalScalar, { nullable: true, description: '罚款（元） Fine' })
  fineAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '没收金额（元） Confiscation' })
  confiscationAmount?: string | null;
}

@InputType({
  description:
    '适用的裁量基准 The discretion benchmark the proposal applies (行政处罚裁量基准, 国办发〔2022〕27号): the proposal is ' +
    "checked against the chosen tier's fine range and the 行政处罚法 §33 exemptions, and the checklist's " +
    'DISCRETION_REASONABLE item is pre-answered from that check',
})
export class ProposalDiscretionInput {
  @Field(() => ID, { description: "裁量基准 A benchmark the case's agency publishes now (discretionBenchmark)" })
  benchmarkId!: string;
  @Field(() => DiscretionTier, { description: '裁量阶次 The tier chosen' })
  tier!: DiscretionTier;
  @Field(() => [DiscretionCircumstance], {
    defaultValue: [],
    description: '裁量情节 Circumstances found in the case (行政处罚法 §33: 轻微不罚, 首违不罚, 无主观过错)',
  })
  circumstances!: DiscretionCircumstance[];
  @Field(() => String, {
    nullable: true,
    description:
      '偏离理由 Why the proposal leaves the benchmark (≤ 2,000 characters); without it a departure cannot pass review',
  })
  departureReason?: string | null;
}

@InputType({ description: '拟作出的决定 Proposed decision' })
export class ProposedDecisionInput extends DecisionToCheckInput {
  @Field({ description: '法律依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '拟处理意见 Summary of the proposed decision' })
  summary!: string;
  @Field(() => ProposalDiscretionInput, {
    nullable: true,
    description:
      '适用的裁量基准（处罚案件） The benchmark applied, for a penalty case; without it the discretion item is a bare ' +
      'yes/no for the reviewer',
  })
  discretion?: ProposalDiscretionInput | null;
}

@InputType({ description: '送审 Submit a proposed decision for legal review' })
export class SubmitForReviewInput {
  @Field(() => ID, { description: '案件 Case' })
  caseId!: string;
  @Field(() => ProposedDecisionInput, { description: '拟作出的决定 Proposed decision' })
  proposedDecision!: ProposedDecisionInput;
  @Field({ defaultValue: false, description: '复杂案件 Complex case (longer time limit)' })
  complex!: boolean;
  @Field(() => DateScalar, {
    nullable: true,
    description: '送卷日期（默认今天，不得晚于今天、早于60天前） Day the file was received; default today',
  })
  receivedOn?: string | null;
}

@InputType({ description: '审核内容答复 Answer to one checklist item' })
export class ChecklistAnswerInput {
  @Field({ description: '代码 Item code' })
  code!: string;
  @Field({ description: '是/否 Yes or no' })
  answer!: boolean;
  @Field(() => String, { nullable: true, description: '具体意见 Comment' })
  comment?: string | null;
}

@InputType({ description: '审核结论 Complete a review' })
export class CompleteReviewInput {
  @Field(() => ID, { description: '审核 Review' })
  reviewId!: string;
  @Field(() => ReviewOutcome, { description: '结论 PASS, RETURN or FAIL' })
  outcome!: ReviewOutcome;
  @Field(() => [ChecklistAnswerInput], {
    description: '审核内容 Checklist answers (PASS needs all, answered the lawful way)',
  })
  checklist!: ChecklistAnswerInput[];
  @Field(() => String, {
    nullable: true,
    description: '审核人意见（退回、不通过时必填） Opinion; required for RETURN and FAIL',
  })
  opinion?: string | null;
}

@InputType({ description: '法制机构负责人签署 Countersign a completed review' })
export class CountersignReviewInput {
  @Field(() => ID, { description: '审核 Review' })
  reviewId!: string;
  @Field({ description: '负责人意见 Opinion of the head of the legal office' })
  opinion!: string;
}

@InputType({ description: '提请协调决策 A handler disagrees and escalates' })
export class EscalateReviewInput {
  @Field(() => ID, { description: '审核 Review' })
  reviewId!: string;
  @Field({ description: '不同意见及理由 Why the handler disagrees' })
  reason!: string;
}

@InputType({ description: "记录集体讨论决定 Record the leadership's collective decision" })
export class CoordinationDecisionInput {
  @Field(() => ID, { description: '审核 Review' })
  reviewId!: string;
  @Field(() => ReviewOutcome, { description: '决定 PASS (proceed), RETURN (supplement) or FAIL (do not decide)' })
  outcome!: ReviewOutcome;
  @Field({ description: '集体讨论决定 The decision as minuted' })
  decision!: string;
  @Field(() => DateScalar, { description: '会议日期 Meeting day' })
  meetingOn!: string;
  @Field({ description: '参加人员 Participants' })
  participants!: string;
}

@InputType({ description: '审核筛选 Review list filter' })
export class ReviewFilter {
  @Field(() => ID, { nullable: true, description: '机关 Agency' })
  agencyId?: string | null;
  @Field(() => ID, { nullable: true, description: '案件 Case' })
  caseId?: string | null;
  @Field(() => [ReviewStatus], { nullable: true, description: '状态 Statuses' })
  status?: ReviewStatus[] | null;
  @Field(() => ID, { nullable: true, description: '审核人 Reviewer' })
  reviewerId?: string | null;
  @Field(() => Boolean, { nullable: true, description: '仅超期 Only overdue' })
  overdue?: boolean | null;
}

@Directive('@inaccessible')
@InputType({ description: '内部：裁量基准与档次 Internal: a benchmark and the tier chosen in it' })
export class DiscretionChoiceRefInput {
  @Field(() => ID, { description: '裁量基准 Benchmark id' })
  benchmarkId!: string;
  @Field(() => DiscretionTier, { description: '裁量档次 Tier' })
  tier!: DiscretionTier;
  @Field(() => [String], {
    nullable: true,
    description: '偏离情形 The departure codes the decision has (a covering review must have departed in each)',
  })
  departures?: string[] | null;
}

@Directive('@inaccessible')
@InputType({ description: '内部：拟作出的决定 Internal: the decision records is about to write' })
export class DecisionReviewCheckInput {
  @Field(() => ID, { description: '案件 Case' })
  caseId!: string;
  @Field(() => ID, { description: '机关 Agency' })
  agencyId!: string;
  @Field(() => EnforcementCategory, { description: '类别 Category' })
  category!: EnforcementCategory;
  @Field(() => PartyType, { description: '当事人类型 Party type' })
  partyType!: PartyType;
  @Field(() => [PenaltyKind], { description: '处罚种类 Penalty kinds' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => DecimalScalar, { nullable: true, description: '罚款 Fine' })
  fineAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '没收金额 Confiscation' })
  confiscationAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '涉案金额 Amount involved' })
  amountInvolved?: string | null;
  @Field({ description: '是否听证 Hearing held' })
  hearingHeld!: boolean;
  @Field(() => DiscretionChoiceRefInput, {
    nullable: true,
    description:
      '裁量基准与档次 Benchmark and tier the decision names (for a departure, which needs a covering review)',
  })
  discretion?: DiscretionChoiceRefInput | null;
}
