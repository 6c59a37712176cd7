import './enums.js';

import {
  DateScalar,
  DateTimeScalar,
  DecimalScalar,
  DiscretionCircumstance,
  DiscretionTier,
  EnforcementCategory,
  PartyType,
  PenaltyKind,
} from '@tsp/shared';
import { Field, Float, ID, InputType } from 'type-graphql';

import { AttachmentKind, CaseStage, RecordActivity } from '../rules/kinds.js';

@InputType({ description: '当事人 Party' })
export class PartyInput {
  @Field(() => PartyType, { description: '类型 Type' })
  type!: PartyType;
  @Field({ description: '姓名或名称 Name' })
  name!: string;
  @Field({ defaultValue: false, description: '是否未成年人 Minor' })
  isMinor!: boolean;
  @Field(() => String, { nullable: true, description: '身份证号/统一社会信用代码（不公开） ID number, private' })
  idNumber?: string | null;
  @Field(() => String, { nullable: true, description: '电话（不公开） Phone, private' })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: '地址（不公开） Address, private' })
  address?: string | null;
}

@InputType({ description: '附件 Attachment metadata (upload the content by hash separately)' })
export class AttachmentInput {
  @Field(() => AttachmentKind, { description: '类型 Kind' })
  kind!: AttachmentKind;
  @Field({ description: '内容哈希 SHA-256, hex' })
  sha256!: string;
  @Field(() => Float, { description: '大小（字节） Size in bytes (whole number)' })
  size!: number;
  @Field({ description: '媒体类型 Media type' })
  mediaType!: string;
  @Field({ description: '文件名 Name' })
  name!: string;
  @Field({ defaultValue: false, description: '是否全过程记录 Covers the whole process' })
  fullProcess!: boolean;
  @Field(() => String, { nullable: true, description: '文书种类 Case-file document type, e.g. 调查笔录' })
  documentType?: string | null;
}

@InputType({ description: "立案 Open a case in the caller's agency" })
export class OpenCaseInput {
  @Field({ description: '案号 Case number, unique in the agency' })
  caseNumber!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '案由 Cause' })
  cause!: string;
  @Field(() => PartyInput, { description: '当事人 Party' })
  party!: PartyInput;
  @Field(() => DecimalScalar, { nullable: true, description: '涉案金额 Amount involved' })
  amountInvolved?: string | null;
  @Field(() => [ID], { description: '承办人 Handlers (officers of the agency with a valid credential)' })
  handlerIds!: string[];
  @Field(() => String, { nullable: true, description: '立案记录摘要 Summary of the filing entry' })
  summary?: string | null;
  @Field(() => [AttachmentInput], { nullable: true, description: '附件（如立案审批表） Attachments, e.g. 立案审批表' })
  attachments?: AttachmentInput[] | null;
}

@InputType({ description: '记录执法活动 Append an entry' })
export class AppendRecordInput {
  @Field(() => ID, { description: '案件 Case' })
  caseId!: string;
  @Field(() => CaseStage, { description: '阶段 Current stage, or the next on the path to advance' })
  stage!: CaseStage;
  @Field(() => RecordActivity, { description: '执法活动 Activity' })
  activity!: RecordActivity;
  @Field(() => DateTimeScalar, { description: '发生时间 When it happened' })
  occurredAt!: Date;
  @Field(() => [ID], { description: '执法人员 Acting officers' })
  officerIds!: string[];
  @Field({ description: '内容摘要 Summary' })
  summary!: string;
  @Field(() => [AttachmentInput], { nullable: true, description: '附件 Attachments' })
  attachments?: AttachmentInput[] | null;
  @Field(() => ID, { nullable: true, description: '更正的记录 Entry this one corrects' })
  correctsId?: string | null;
  @Field({
    defaultValue: false,
    description:
      '涉及人身自由、生命健康、重大财产权益 Affects personal liberty, life and health or major property (needs full-process audio/video)',
  })
  affectsLibertyOrProperty!: boolean;
}

@InputType({ description: '适用裁量基准 The discretion benchmark a penalty decision applies' })
export class DiscretionInput {
  @Field(() => ID, { description: '裁量基准 Benchmark id (disclosure.discretionBenchmarks of the agency)' })
  benchmarkId!: string;
  @Field(() => DiscretionTier, { description: '裁量档次 Tier applied' })
  tier!: DiscretionTier;
  @Field(() => [DiscretionCircumstance], {
    nullable: true,
    description: '认定的情节 Circumstances found (for 轻微不罚 / 首违不罚 / 无过错不罚, 行政处罚法第三十三条)',
  })
  circumstances?: DiscretionCircumstance[] | null;
  @Field(() => String, {
    nullable: true,
    description: '偏离理由 Why the decision leaves the benchmark (needed with a covering legal review when it does)',
  })
  departureReason?: string | null;
}

/** The decision itself, shared by recordDecision and legacy imports. */
@InputType({ description: '决定内容 Decision fields (base of the decision inputs; not used directly)' })
export class DecisionFieldsInput {
  @Field({ description: '决定结果 Outcome in words (处罚/不予处罚/准予许可…)' })
  outcome!: string;
  @Field(() => [PenaltyKind], { description: '处罚种类 Penalty kinds (empty when none)' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额 Fine' })
  fineAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '没收金额 Value confiscated' })
  confiscationAmount?: string | null;
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
      '当事人是否在场：是则决定书当场交付，送达期限为决定当日；否或未填则须在七个工作日内送达（行政处罚法第六十一条） Party present when the decision was announced: if true the decision document is handed over on the spot (due the decision day); if false or not given, it must be served within 7 working days',
  })
  partyPresent?: boolean | null;
  @Field(() => [ID], { description: '执法人员 Acting officers' })
  officerIds!: string[];
  @Field(() => [AttachmentInput], { nullable: true, description: '附件（如处罚决定书） Attachments, e.g. 处罚决定书' })
  attachments?: AttachmentInput[] | null;
  @Field(() => DiscretionInput, {
    nullable: true,
    description:
      '适用裁量基准 Benchmark and tier applied; required for a penalty once the agency has published benchmarks',
  })
  discretion?: DiscretionInput | null;
}

@InputType({ description: '作出决定 Record the decision' })
export class RecordDecisionInput extends DecisionFieldsInput {
  @Field(() => ID, { description: '案件 Case' })
  caseId!: string;
  @Field(() => String, { nullable: true, description: '记录摘要 Summary of the decision entry' })
  summary?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '发生时间 When (default now)' })
  occurredAt?: Date | null;
}

@InputType({ description: '归档 Archive the case' })
export class ArchiveCaseInput {
  @Field(() => ID, { description: '案件 Case' })
  caseId!: string;
  @Field(() => [ID], { description: '执法人员 Acting officers' })
  officerIds!: string[];
  @Field(() => String, { nullable: true, description: '摘要 Summary' })
  summary?: string | null;
  @Field(() => [AttachmentInput], { nullable: true, description: '附件（如卷内目录） Attachments' })
  attachments?: AttachmentInput[] | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '发生时间 When (default now)' })
  occurredAt?: Date | null;
}

@InputType({ description: '案件筛选 Case filter' })
export class CaseFilter {
  @Field(() => ID, { nullable: true, description: '机关 Agency' })
  agencyId?: string | null;
  @Field(() => EnforcementCategory, { nullable: true, description: '执法类别 Category' })
  category?: EnforcementCategory | null;
  @Field(() => CaseStage, { nullable: true, description: '阶段 Stage' })
  stage?: CaseStage | null;
  @Field(() => Boolean, { nullable: true, description: '是否超期 Past the decision deadline without a decision' })
  overdue?: boolean | null;
}

@InputType({ description: '历史记录 Legacy entry' })
export class LegacyEntryInput {
  @Field(() => CaseStage, { description: '阶段 Stage' })
  stage!: CaseStage;
  @Field(() => RecordActivity, { description: '执法活动 Activity' })
  activity!: RecordActivity;
  @Field(() => DateTimeScalar, { description: '发生时间 When' })
  occurredAt!: Date;
  @Field(() => [ID], { description: '执法人员 Officers' })
  officerIds!: string[];
  @Field({ description: '摘要 Summary' })
  summary!: string;
  @Field(() => [AttachmentInput], { nullable: true, description: '附件 Attachments' })
  attachments?: AttachmentInput[] | null;
  @Field({
    defaultValue: false,
    description: '涉及人身自由、生命健康、重大财产权益 Affects liberty/life/major property',
  })
  affectsLibertyOrProperty!: boolean;
}

@InputType({ description: '历史决定 Legacy decision' })
export class LegacyDecisionInput extends DecisionFieldsInput {
  @Field(() => DateTimeScalar, { nullable: true, description: '发生时间 When (default 10:00 on decidedOn)' })
  occurredAt?: Date | null;
}

@InputType({ description: '历史案件导入（管理员） Legacy case import (ADMIN)' })
export class ImportLegacyCaseInput {
  @Field(() => ID, { description: '机关 Agency' })
  agencyId!: string;
  @Field({ description: '案号 Case number' })
  caseNumber!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '案由 Cause' })
  cause!: string;
  @Field(() => PartyInput, { description: '当事人 Party' })
  party!: PartyInput;
  @Field(() => DecimalScalar, { nullable: true, description: '涉案金额 Amount involved' })
  amountInvolved?: string | null;
  @Field(() => [ID], { description: '承办人 Handlers' })
  handlerIds!: string[];
  @Field(() => DateTimeScalar, { description: '立案时间 Filed at' })
  filedAt!: Date;
  @Field(() => [LegacyEntryInput], { description: '记录（按时间） Entries' })
  entries!: LegacyEntryInput[];
  @Field(() => LegacyDecisionInput, { nullable: true, description: '决定 Decision' })
  decision?: LegacyDecisionInput | null;
}
