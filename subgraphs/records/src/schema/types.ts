import './enums.js';

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
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

import { AttachmentKind, CaseStage, RecordActivity } from '../rules/kinds.js';

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

export const SupervisionFinding = findingType(Agency);

@ObjectType({
  description: '当事人联系方式（仅本机关、监督机关可见） Party contact (owning agency and supervisor only)',
})
export class PartyContact {
  @Field(() => String, { nullable: true, description: '电话 Phone' })
  phone!: string | null;
  @Field(() => String, { nullable: true, description: '地址 Address' })
  address!: string | null;
}

@ObjectType({ description: '当事人 Party (行政相对人)' })
export class Party {
  @Field(() => PartyType, { description: '类型 Natural person or organisation' })
  type!: PartyType;
  @Field({ description: '姓名或名称 Name' })
  name!: string;
  @Field({ description: '是否未成年人 Is a minor' })
  isMinor!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      '身份证号/统一社会信用代码（仅本机关、监督机关可见，其他为 null） ID number; null for callers outside the owning agency and its supervisor',
  })
  idNumber!: string | null;
  @Field(() => PartyContact, {
    nullable: true,
    description: '联系方式（仅本机关、监督机关可见，其他为 null） Contact; null for other callers',
  })
  contact!: PartyContact | null;
}

@ObjectType({ description: '附件 Attachment (content stored by SHA-256)' })
export class Attachment {
  @Field(() => AttachmentKind, { description: '类型 Kind' })
  kind!: AttachmentKind;
  @Field({ description: '内容哈希 SHA-256 of the content, hex' })
  sha256!: string;
  @Field(() => Float, { description: '大小（字节） Size in bytes' })
  size!: number;
  @Field({ description: '媒体类型 Media type, e.g. video/mp4' })
  mediaType!: string;
  @Field({ description: '文件名 Name' })
  name!: string;
  @Field({ description: '是否全过程记录 Covers the whole process (全过程音像记录)' })
  fullProcess!: boolean;
  @Field(() => String, { nullable: true, description: '文书种类 Case-file document type, e.g. 调查笔录' })
  documentType!: string | null;
}

@ObjectType({ description: '执法记录 Append-only entry of the full-process record' })
export class RecordEntry {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => Int, { description: '序号 Position in the case (1, 2, …)' })
  sequence!: number;
  @Field(() => CaseStage, { description: '阶段 Stage' })
  stage!: CaseStage;
  @Field(() => RecordActivity, { description: '执法活动 Activity' })
  activity!: RecordActivity;
  @Field(() => DateTimeScalar, { description: '发生时间 When it happened' })
  occurredAt!: Date;
  @Field(() => DateTimeScalar, { description: '记录时间 When it was recorded' })
  recordedAt!: Date;
  @Field({ description: '内容摘要 Summary' })
  summary!: string;
  @Field({
    description: '是否涉及人身自由、生命健康、重大财产权益 Affects personal liberty, life and health or major property',
  })
  affectsLibertyOrProperty!: boolean;
  @Field({ description: '哈希（日志叶子哈希） Journal leaf hash of the entry, hex' })
  hash!: string;
  @Field({ description: '是否历史导入 Imported from a legacy system (write-time rules not applied)' })
  legacy!: boolean;
}

@ObjectType({ description: '执法决定 The case decision' })
export class CaseDecision {
  @Field({ description: '决定结果 Outcome in words (处罚/不予处罚/准予许可…)' })
  outcome!: string;
  @Field(() => [PenaltyKind], { description: '处罚种类 Penalty kinds' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额 Fine' })
  fineAmount!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '没收金额 Value confiscated' })
  confiscationAmount!: string | null;
  @Field({ description: '法律依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '违法事实 Facts' })
  facts!: string;
  @Field({ description: '执法结论 Conclusion / penalty content' })
  conclusion!: string;
  @Field(() => DateScalar, { description: '决定日期 Decided on' })
  decidedOn!: string;
  @Field(() => Boolean, {
    nullable: true,
    description:
      '当事人是否在场（决定宣告时） Party present when the decision was announced; null when not recorded (legacy or not given)',
  })
  partyPresent!: boolean | null;
  @Field(() => ID, {
    nullable: true,
    description: '覆盖本决定的法制审核 Review that covered it (null if not major or legacy)',
  })
  reviewId!: string | null;
  @Field({ description: '是否历史导入 Imported' })
  legacy!: boolean;
  @Field(() => ID, { nullable: true, description: '适用的裁量基准 Benchmark applied (null: none named)' })
  benchmarkId!: string | null;
  @Field(() => Int, { nullable: true, description: '裁量基准版本 The benchmark version it was checked against' })
  benchmarkVersion!: number | null;
  @Field(() => DiscretionTier, { nullable: true, description: '裁量档次 Tier applied' })
  discretionTier!: DiscretionTier | null;
  @Field(() => [DiscretionCircumstance], { description: '认定的情节 Circumstances found' })
  discretionCircumstances!: DiscretionCircumstance[];
  @Field(() => [String], {
    description:
      '偏离裁量基准 How it leaves the benchmark: FINE_OUTSIDE_TIER, PENALTY_IN_NO_PENALTY_TIER, PENALTY_WHERE_EXEMPT',
  })
  discretionDepartures!: string[];
  @Field(() => String, { nullable: true, description: '偏离理由 Reason given for the departure' })
  departureReason!: string | null;
}

@ObjectType({ description: '办案期限延长 Decision deadline extension' })
export class DeadlineExtension {
  @Field(() => DateScalar, { description: '原期限 From' })
  fromDueOn!: string;
  @Field(() => DateScalar, { description: '新期限 To' })
  toDueOn!: string;
  @Field({ description: '理由 Reason' })
  reason!: string;
  @Field({ description: '批准人 Approved by (token subject)' })
  approvedBy!: string;
  @Field(() => DateTimeScalar, { description: '时间 When' })
  at!: Date;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.EnforcementCase })
export class EnforcementCase {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '案号 Case number (unique per agency)' })
  caseNumber!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '案由 Cause' })
  cause!: string;
  @Field(() => DecimalScalar, { nullable: true, description: '涉案金额 Amount involved' })
  amountInvolved!: string | null;
  @Field(() => CaseStage, { description: '当前阶段 Current stage' })
  stage!: CaseStage;
  @Field(() => DateTimeScalar, { description: '立案时间 Filed at' })
  filedAt!: Date;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      '决定期限 Decision due on (penalty: filing + 90 days, 行政处罚法第六十条; licensing: acceptance, or receipt when acceptance was late or not recorded, + 20 working days, 行政许可法第三十二条、第四十二条), as extended',
  })
  decisionDueOn!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      '受理期限 Licensing: last day to accept, refuse or ask for missing materials, receipt (filing) + 5 working days (行政许可法第三十二条、第八十二条); null for other categories',
  })
  acceptanceDueOn!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: '受理日期 Licensing: day of the first ACCEPTANCE entry; null until one is recorded',
  })
  acceptedOn!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      '送达期限 Last day to serve the penalty decision: the decision day if the party was present, else (absent or not recorded) 7 working days later (行政处罚法第六十一条、第八十五条); null before a decision and where no limit applies',
  })
  serviceDueOn!: string | null;
  @Field({ description: '是否举行听证 A hearing was held' })
  hearingHeld!: boolean;
  @Field({ description: '是否历史导入 Imported from a legacy system' })
  legacy!: boolean;
}

@ObjectType({ description: '案卷标准 Case-file documents required for a category' })
export class CaseFileRequirement {
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field(() => [String], { description: '必备文书 Required documents' })
  documents!: string[];
  @Field({ description: '是否为默认 Default (not configured by the agency)' })
  isDefault!: boolean;
}

@ObjectType({ description: '内部：案件事实 Internal: case facts review needs' })
export class CaseFacts {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => ID, { description: '机关 Agency id' })
  agencyId!: string;
  @Field({ description: '区域 Region' })
  region!: string;
  @Field({ description: '案号 Case number' })
  caseNumber!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '案由 Cause' })
  cause!: string;
  @Field(() => PartyType, { description: '当事人类型 Party type' })
  partyType!: PartyType;
  @Field({ description: '当事人 Party name' })
  partyName!: string;
  @Field(() => [ID], { description: '承办人 Handler ids' })
  handlerIds!: string[];
  @Field(() => CaseStage, { description: '阶段 Stage' })
  stage!: CaseStage;
  @Field(() => DecimalScalar, { nullable: true, description: '涉案金额 Amount involved' })
  amountInvolved!: string | null;
  @Field({ description: '是否听证 Hearing held' })
  hearingHeld!: boolean;
  @Field({ description: '是否已决定 Decided' })
  decided!: boolean;
}

@ObjectType({ description: '内部：已归档案件 Internal: an archived case, for case-file evaluation sampling' })
export class ArchivedCaseRef {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => ID, { description: '机关 Agency id' })
  agencyId!: string;
  @Field({ description: '案号 Case number' })
  caseNumber!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field(() => DateScalar, { description: '归档日期 Archived on (Asia/Shanghai)' })
  archivedOn!: string;
}

export const EnforcementCaseConnection = connectionType(EnforcementCase, 'EnforcementCase', '执法案件');
