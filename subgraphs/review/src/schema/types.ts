import {
  connectionType,
  DateScalar,
  DateTimeScalar,
  DecimalScalar,
  DiscretionCircumstance,
  DiscretionTier,
  EnforcementCategory,
  ENTITY_DESCRIPTIONS,
  findingType,
  PartyType,
  PenaltyKind,
} from '@tsp/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { ReviewStatus } from './enums.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Agency })
export class Agency {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Officer })
export class Officer {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.EnforcementCase })
export class EnforcementCase {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

export const SupervisionFinding = findingType(Agency);

@ObjectType({
  description:
    '金额标准（按当事人类型） Amount threshold by party type; null = the rule does not apply to that party type',
})
export class AmountThreshold {
  @Field(() => DecimalScalar, { nullable: true, description: '自然人（元，含本数） Natural person, yuan, inclusive' })
  naturalPerson!: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: '法人或其他组织（元，含本数） Organisation, yuan, inclusive',
  })
  organization!: string | null;
}

@ObjectType({ description: '重大执法决定法制审核目录条目 Catalogue rule: what makes a decision major' })
export class ReviewCatalogRule {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => Agency, { description: '所属机关 Agency' })
  agency!: { id: string };
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '情形 Description of the major decision, e.g. 拟作出较大数额罚款的' })
  description!: string;
  @Field(() => [PenaltyKind], { description: '处罚种类（任一即符合；空 = 不限） Penalty kinds, any of (empty = any)' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => AmountThreshold, { nullable: true, description: '罚款数额标准 Fine threshold by party type' })
  fineThreshold!: AmountThreshold | null;
  @Field(() => AmountThreshold, { nullable: true, description: '涉案金额标准 Amount-involved threshold by party type' })
  amountInvolvedThreshold!: AmountThreshold | null;
  @Field({ description: '经过听证程序 Applies when a hearing was held' })
  hearingHeld!: boolean;
  @Field(() => String, { nullable: true, description: '执法层级 Enforcement level (free text)' })
  enforcementLevel!: string | null;
  @Field(() => String, { nullable: true, description: '所属领域 Field (free text)' })
  field!: string | null;
  @Field(() => String, { nullable: true, description: '社会影响 Social impact (free text)' })
  socialImpact!: string | null;
  @Field({ description: '依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '是否有效 Active' })
  active!: boolean;
  @Field({ description: '可自动判定 Has criteria the software checks (otherwise guidance applied by hand)' })
  automatic!: boolean;
  @Field(() => DateTimeScalar, { description: '更新时间 Updated at' })
  updatedAt!: Date;
}

@ObjectType({ description: "法制审核设置 An agency's review settings" })
export class ReviewSettings {
  @Field(() => Int, { description: '审核期限（工作日） Time limit in working days' })
  normalDays!: number;
  @Field(() => Int, { description: '复杂案件审核期限（工作日） Time limit for complex cases, working days' })
  complexDays!: number;
  @Field(() => DecimalScalar, {
    description: '较大数额：自然人（元） Large fine or confiscation for a natural person, yuan',
  })
  largeAmountNaturalPerson!: string;
  @Field(() => DecimalScalar, {
    description: '较大数额：法人或其他组织（元） Large fine or confiscation for an organisation, yuan',
  })
  largeAmountOrganization!: string;
  @Field({ description: '是否为默认值 Whether these are the platform defaults (agency has not set its own)' })
  isDefault!: boolean;
}

@ObjectType({ description: '拟作出的决定 The proposed decision under review' })
export class ProposedDecision {
  @Field(() => [PenaltyKind], { description: '处罚种类 Penalty kinds' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => DecimalScalar, { nullable: true, description: '罚款（元） Fine, yuan' })
  fineAmount!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '没收金额（元） Confiscation, yuan' })
  confiscationAmount!: string | null;
  @Field({ description: '法律依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '拟处理意见 Summary of the proposed decision' })
  summary!: string;
}

@ObjectType({ description: '偏离裁量基准 One way the proposal leaves the benchmark' })
export class ReviewDiscretionDeparture {
  @Field({
    description:
      '代码 FINE_OUTSIDE_TIER (罚款超出阶次幅度), PENALTY_IN_NO_PENALTY_TIER (不予处罚阶次却处罚) or PENALTY_WHERE_EXEMPT ' +
      '(行政处罚法第三十三条不予处罚却处罚)',
  })
  code!: string;
  @Field({ description: '说明 Why, in a sentence' })
  why!: string;
}

@ObjectType({
  description:
    '裁量基准核查 The benchmark the proposal applies and what the check found at submission (国办发〔2022〕27号; ' +
    '行政处罚法第五条过罚相当、第三十三条不予处罚)',
})
export class ReviewDiscretionCheck {
  @Field(() => ID, { description: '裁量基准 Benchmark id (discretionBenchmark)' })
  benchmarkId!: string;
  @Field(() => Int, { description: '基准版本 The published version checked against' })
  benchmarkVersion!: number;
  @Field({ description: '违法行为 The violation the benchmark is for' })
  violation!: string;
  @Field(() => DiscretionTier, { description: '裁量阶次 The tier chosen' })
  tier!: DiscretionTier;
  @Field(() => DecimalScalar, { nullable: true, description: '阶次罚款下限（元） Tier minimum fine; null = none' })
  minFine!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '阶次罚款上限（元） Tier maximum fine; null = none' })
  maxFine!: string | null;
  @Field(() => [DiscretionCircumstance], { description: '裁量情节 Circumstances found' })
  circumstances!: DiscretionCircumstance[];
  @Field(() => [ReviewDiscretionDeparture], { description: '偏离 Departures from the benchmark (empty = within it)' })
  departures!: ReviewDiscretionDeparture[];
  @Field(() => String, {
    nullable: true,
    description:
      '不予处罚情形 Exemption the circumstances meet: MINOR (轻微不罚), FIRST_VIOLATION (首违不罚) or NO_FAULT ' +
      '(无主观过错), 行政处罚法第三十三条; null = none',
  })
  exemption!: string | null;
  @Field(() => String, {
    nullable: true,
    description: '偏离理由 Why the proposal leaves the benchmark; null = none given',
  })
  departureReason!: string | null;
}

@ObjectType({ description: '审核内容 One item of the review checklist' })
export class ChecklistItem {
  @Field({ description: '代码 Item code' })
  code!: string;
  @Field({ description: '审核内容 The question on the form' })
  question!: string;
  @Field(() => EnforcementCategory, {
    nullable: true,
    description: '适用类别（空 = 通用） Category the item belongs to (null = common)',
  })
  category!: EnforcementCategory | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '审核意见：是/否（空 = 未填） Answer: yes/no (null = unanswered)',
  })
  answer!: boolean | null;
  @Field(() => String, { nullable: true, description: '具体意见 Comment' })
  comment!: string | null;
  @Field({ description: '合法答案 The answer that allows a pass (否 for 涉嫌犯罪需要移送)' })
  passingAnswer!: boolean;
}

@ObjectType({ description: '协调决策 Escalation to the leadership and its collective decision (集体讨论)' })
export class ReviewCoordination {
  @Field(() => Officer, { description: '提请人（承办人） Handler who escalated' })
  escalatedBy!: { id: string };
  @Field({ description: '不同意见 Why the handler disagrees' })
  reason!: string;
  @Field(() => DateTimeScalar, { description: '提请时间 Escalated at' })
  escalatedAt!: Date;
  @Field(() => ReviewStatus, { description: '提请时的审核结论 Status the handler disagreed with' })
  fromStatus!: ReviewStatus;
  @Field(() => String, {
    nullable: true,
    description: '记录决定的负责人（令牌主体） Agency head who recorded the decision (token subject)',
  })
  decidedBy!: string | null;
  @Field(() => String, { nullable: true, description: '集体讨论决定 The collective decision' })
  decision!: string | null;
  @Field(() => DateScalar, { nullable: true, description: '会议日期 Meeting day' })
  meetingOn!: string | null;
  @Field(() => String, { nullable: true, description: '参加人员 Participants' })
  participants!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.LegalReview })
export class LegalReview {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '案号 Case number' })
  caseNumber!: string;
  @Field({ description: '案由 Cause of the case' })
  cause!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field(() => PartyType, { description: '当事人类型 Party type' })
  partyType!: PartyType;
  @Field(() => ReviewStatus, { description: '审核状态 Status' })
  status!: ReviewStatus;
  @Field({ description: '复杂案件（适用较长期限） Complex case (longer time limit)' })
  complex!: boolean;
  @Field({ description: '是否经过听证 Whether a hearing was held' })
  hearingHeld!: boolean;
  @Field(() => DecimalScalar, { nullable: true, description: '涉案金额（元） Amount involved, yuan' })
  amountInvolved!: string | null;
  @Field(() => DateScalar, { description: '送卷日期 Day the legal office received the file' })
  receivedOn!: string;
  @Field(() => DateScalar, { description: '审核期限 Due on (working days after receipt)' })
  dueOn!: string;
  @Field(() => String, { nullable: true, description: "法制机构审核人意见 Reviewer's opinion" })
  reviewerOpinion!: string | null;
  @Field(() => DateScalar, { nullable: true, description: '审核人签字日期 Day the reviewer signed' })
  reviewerSignedOn!: string | null;
  @Field(() => String, { nullable: true, description: '负责人签署人（令牌主体） Who countersigned (token subject)' })
  headId!: string | null;
  @Field(() => String, { nullable: true, description: "法制机构负责人意见 Head of the legal office's opinion" })
  headOpinion!: string | null;
  @Field(() => DateScalar, { nullable: true, description: '负责人签字日期 Day the head countersigned' })
  headSignedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: '退卷日期 Day the file was returned to the handlers' })
  returnedOn!: string | null;
  @Field(() => DateTimeScalar, { description: '送审时间 Submitted at' })
  createdAt!: Date;
}

export const LegalReviewConnection = connectionType(LegalReview, 'LegalReview', '法制审核');

@ObjectType({ description: "重大执法决定认定 Whether the case's decision is major, and why" })
export class ReviewRequirement {
  @Field({ description: '是否重大 Major' })
  major!: boolean;
  @Field(() => [String], { description: '理由 Reasons (law and catalogue)' })
  reasons!: string[];
  @Field({
    description:
      '已被审核覆盖 Whether a PASSED review covers the decision (true for a decision that is not major); ' +
      'major and not covered: recordDecision answers REVIEW_REQUIRED',
  })
  covered!: boolean;
  @Field(() => String, {
    nullable: true,
    description: '未覆盖的原因 Why no PASSED review covers the decision, or null',
  })
  problem!: string | null;
  @Field({
    description:
      '判断所依据的事实 Which facts were used: the case, and the decision asked about or else the latest ' +
      'proposed decision',
  })
  basedOn!: string;
  @Field(() => LegalReview, { nullable: true, description: '最近一次审核通过的审核 The latest PASSED review' })
  passedReview!: { id: string } | null;
}

@Directive('@inaccessible')
@ObjectType({
  description: '内部：重大决定审核核查 Internal: is the decision major, and does a PASSED review cover it',
})
export class DecisionReviewCheck {
  @Field({ description: '是否重大 Major' })
  major!: boolean;
  @Field(() => [String], { description: '理由 Why major' })
  reasons!: string[];
  @Field({ description: '是否已被审核覆盖（非重大时为真） Covered by a PASSED review (true when not major)' })
  covered!: boolean;
  @Field(() => ID, { nullable: true, description: '覆盖的审核 The covering review' })
  reviewId!: string | null;
  @Field(() => String, { nullable: true, description: '未覆盖原因 Why not covered' })
  problem!: string | null;
  @Field({
    description:
      "达到较大数额 The fine or confiscation reaches the agency's large amount (a hearing case, 行政处罚法第六十三条)",
  })
  largeAmount!: boolean;
  @Field(() => ID, {
    nullable: true,
    description:
      '覆盖裁量偏离的审核 The PASSED review whose proposal named the same benchmark and tier, itself departed ' +
      'with a reason, and covers the decision (kinds and amounts); null when none or no discretion was asked',
  })
  departureReviewId!: string | null;
}

@ObjectType({ description: '法制审核事件 A review event from the durable log' })
export class ReviewEvent {
  @Field(() => ID, { description: '事件标识 Event id' })
  id!: string;
  @Field({
    description:
      '类型 Type: ReviewSubmitted, ReviewPassed, ReviewReturned, ReviewFailed, ReviewEscalated, ReviewOverdue',
  })
  type!: string;
  @Field(() => DateTimeScalar, { description: '发生时间 Occurred at' })
  occurredAt!: Date;
  @Field(() => Int, { description: '位置（单调递增） Position in the log, increasing' })
  position!: number;
  @Field({ description: '游标 Opaque cursor: resume after this event' })
  cursor!: string;
  @Field(() => Agency, { description: '所属机关 Agency' })
  agency!: { id: string };
  @Field(() => LegalReview, { description: '审核 The review' })
  review!: { id: string };
  @Field(() => ID, { description: '案件标识 Case id' })
  caseId!: string;
  @Field({ description: '案号 Case number' })
  caseNumber!: string;
  @Field(() => ReviewStatus, { description: '事件时的状态 Review status at the event' })
  status!: ReviewStatus;
  @Field(() => DateScalar, { description: '审核期限 Due on' })
  dueOn!: string;
}

export const ReviewEventConnection = connectionType(ReviewEvent, 'ReviewEvent', '法制审核事件');
