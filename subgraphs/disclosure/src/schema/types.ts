import {
  connectionType,
  DateScalar,
  DateTimeScalar,
  DecimalScalar,
  DiscretionTier,
  EnforcementCategory,
  ENTITY_DESCRIPTIONS,
  findingType,
  PenaltyKind,
} from '@tsp/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { PublicationKind, PublicationStatus, RevisionAction, WithdrawalTrigger } from './enums.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Agency })
export class Agency {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Directive('@external')
  @Field({ description: '区域 Region (from personnel; authorizes disclosureFindings)' })
  region?: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.EnforcementCase })
export class EnforcementCase {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

export const SupervisionFinding = findingType(Agency);

@ObjectType({ description: '公示修订记录 A revision of a publication (纠错机制: corrections are visible)' })
export class PublicationRevision {
  @Field(() => Int, { description: '版本号 Version after this revision' })
  version!: number;
  @Field(() => RevisionAction, { description: '动作 What happened' })
  action!: RevisionAction;
  @Field({ description: '理由 Reason given (masked)' })
  reason!: string;
  @Field(() => DateTimeScalar, { description: '时间 When' })
  at!: Date;
  @Field({ description: '文号 Case number as it stood' })
  caseNumber!: string;
  @Field({ description: '当事人 Party as it stood (masked)' })
  partyName!: string;
  @Field({ description: '简要事实 Summary as it stood' })
  summary!: string;
  @Field({ description: '执法结论 Conclusion as it stood' })
  conclusion!: string;
  @Field({ description: '法律依据 Legal basis as it stood' })
  legalBasis!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.DecisionPublication })
export class DecisionPublication {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => PublicationKind, { description: '公示类型 Decision or random-inspection result' })
  kind!: PublicationKind;
  @Field(() => EnforcementCase, {
    nullable: true,
    description: '执法案件 The case (agency and supervisor can open it)',
  })
  case?: EnforcementCase | null;
  @Field(() => Agency, { description: '执法主体 Agency' })
  agency!: Agency;
  @Field({ description: '文号 Case / decision number' })
  caseNumber!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '当事人 Party (natural persons masked as 张**)' })
  partyName!: string;
  @Field({ description: '简要事实 Facts in brief (masked)' })
  summary!: string;
  @Field({ description: '执法结论 / 处罚内容 Conclusion (masked)' })
  conclusion!: string;
  @Field({ description: '法律依据 Legal basis' })
  legalBasis!: string;
  @Field(() => [PenaltyKind], { description: '处罚种类 Penalty kinds' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额 Fine' })
  fineAmount?: string | null;
  @Field(() => DateScalar, { description: '决定日期 Decided on' })
  decidedOn!: string;
  @Field(() => DateScalar, { description: '公示期限 Due: last day to publish (7 / 20 working days)' })
  dueOn!: string;
  @Field(() => PublicationStatus, { description: '状态 Status (EXPIRED once the publication period is over)' })
  status!: PublicationStatus;
  @Field({ description: '可公开 Whether it may ever be published' })
  publishable!: boolean;
  @Field(() => String, { nullable: true, description: '不予公开理由 Why it may not be published (e.g. minor party)' })
  notPublishableReason?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '公示时间 Published at' })
  publishedAt?: Date | null;
  @Field(() => DateScalar, { nullable: true, description: '公示截止 Last day on the public list' })
  expiresOn?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '撤回时间 Withdrawn at' })
  withdrawnAt?: Date | null;
  @Field(() => String, { nullable: true, description: '撤回理由 Withdrawal reason' })
  withdrawalReason?: string | null;
  @Field(() => WithdrawalTrigger, { nullable: true, description: '撤回原因类型 What made it withdrawn' })
  withdrawalTrigger?: WithdrawalTrigger | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: '撤回期限 Last day to withdraw (3 working days after the decision changed)',
  })
  withdrawalDueOn?: string | null;
  @Field(() => Int, { description: '版本号 Current version' })
  version!: number;
  @Field(() => DateTimeScalar, { description: '更新时间 Last changed' })
  updatedAt!: Date;
  @Field(() => [PublicationRevision], {
    description: '修订记录 History (the public sees revisions made while published)',
  })
  revisions!: PublicationRevision[];
}

export const PublicationConnection = connectionType(DecisionPublication, 'Publication', '执法决定公示');

@ObjectType({ description: '历史版本 A past or current version of an ex-ante list entry' })
export class ListingRevision {
  @Field(() => Int, { description: '版本号 Version' })
  version!: number;
  @Field(() => DateTimeScalar, { description: '变更时间 Changed at' })
  changedAt!: Date;
  @Field({ description: '说明 Note' })
  note!: string;
  @Field({ description: '是否有效 Whether the entry was on the list in this version' })
  active!: boolean;
  @Field({ description: '内容（JSON） Content of this version as JSON' })
  contentJson!: string;
}

/** Fields every versioned ex-ante entry shows. */
@ObjectType({ description: '版本化条目 Versioned entry (abstract)' })
export abstract class Versioned {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => ID, { description: '执法主体 Agency id' })
  agencyId!: string;
  @Field(() => Int, { description: '版本号 Current version' })
  version!: number;
  @Field(() => DateTimeScalar, { description: '更新时间 When the current version was made' })
  updatedAt!: Date;
  @Field(() => [ListingRevision], { description: '历史版本 Every version, newest first' })
  revisions!: ListingRevision[];
}

@ObjectType({ description: '行政执法事项 Enforcement item (行政执法事项清单)' })
export class EnforcementItem extends Versioned {
  @Field({ description: '事项名称 Item name' })
  name!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '实施依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '责任主体 Responsible body' })
  responsibleBody!: string;
}

@ObjectType({ description: '随机抽查事项 Random-inspection item (随机抽查事项清单, 双随机一公开)' })
export class RandomInspectionItem extends Versioned {
  @Field({ description: '抽查事项 Item name' })
  name!: string;
  @Field({ description: '抽查主体 Inspecting body' })
  inspectingBody!: string;
  @Field({ description: '抽查依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '抽查对象 Inspected objects' })
  inspectedObjects!: string;
  @Field({ description: '抽查内容 Content' })
  content!: string;
  @Field({ description: '抽查比例 Sampling ratio' })
  samplingRatio!: string;
  @Field({ description: '抽查方式 Method' })
  method!: string;
  @Field({ description: '抽查频次 Frequency' })
  frequency!: string;
}

@ObjectType({ description: '服务指南 Service guide' })
export class ServiceGuide extends Versioned {
  @Field({ description: '事项名称 Item name' })
  name!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '设定依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '实施主体 Body' })
  body!: string;
  @Field({ description: '承办机构 Handling unit' })
  handlingUnit!: string;
  @Field({ description: '服务对象 Object (who may apply)' })
  object!: string;
  @Field(() => [String], { description: '申请材料 Application materials' })
  applicationMaterials!: string[];
  @Field({ description: '办理流程 Process' })
  process!: string;
  @Field({ description: '办理时限 Time limit' })
  timeLimit!: string;
  @Field({ description: '收费标准 Fees' })
  fees!: string;
  @Field({ description: '监督方式 Supervision' })
  supervision!: string;
  @Field({ description: '救济渠道 Remedy' })
  remedy!: string;
  @Field({ description: '责任追究 Accountability' })
  accountability!: string;
  @Field({ description: '办公时间 Office hours' })
  officeHours!: string;
  @Field({ description: '办公地址 Address' })
  address!: string;
  @Field({ description: '办公电话 Phone' })
  phone!: string;
}

@ObjectType({ description: '执法主体信息 Body information: duties, powers, basis, procedures, supervision, remedy' })
export class AgencyDisclosure extends Versioned {
  @Field({ description: '职责 Duties' })
  duties!: string;
  @Field({ description: '权限 Powers' })
  powers!: string;
  @Field({ description: '执法依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '执法程序 Procedures' })
  procedures!: string;
  @Field({ description: '监督方式 Supervision channels' })
  supervisionChannels!: string;
  @Field({ description: '救济渠道 Remedy channels' })
  remedyChannels!: string;
}

@ObjectType({ description: '裁量阶次 A tier of a discretion benchmark: when it applies and the fines it allows' })
export class DiscretionBenchmarkTier {
  @Field(() => DiscretionTier, { description: '裁量阶次 Tier' })
  tier!: DiscretionTier;
  @Field({ description: '适用情形 Circumstances in which the tier applies' })
  circumstances!: string;
  @Field(() => DecimalScalar, { nullable: true, description: '罚款下限 Lowest fine of the tier (null = no minimum)' })
  minFine?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '罚款上限 Highest fine of the tier (null = no maximum)' })
  maxFine?: string | null;
}

@ObjectType({
  description:
    '行政处罚裁量基准 Penalty discretion benchmark of an enforcement item (国办发〔2022〕27号), with its 轻微不罚 and 首违不罚 conditions',
})
export class DiscretionBenchmark extends Versioned {
  @Field(() => ID, { description: '行政执法事项 The enforcement item (of the same agency) it applies to' })
  enforcementItemId!: string;
  @Field({ description: '违法行为 The violation' })
  violation!: string;
  @Field({ description: '法律依据 Legal basis (the provision violated and the penalty provision)' })
  legalBasis!: string;
  @Field(() => [DiscretionBenchmarkTier], { description: '裁量阶次 Tiers, each at most once' })
  tiers!: DiscretionBenchmarkTier[];
  @Field(() => String, {
    nullable: true,
    description: '轻微不罚条件 Conditions of the 轻微不罚 list (行政处罚法 §33¶1); null = not on that list',
  })
  minorExemption?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '首违不罚条件 Conditions of the 首违不罚 list (行政处罚法 §33¶1); null = not on that list',
  })
  firstViolationExemption?: string | null;
  @Field({ description: '是否有效 Whether it is on the public list (false once retired)' })
  active!: boolean;
}

@ObjectType({ description: '流程步骤 A process step' })
export class ProcessStepType {
  @Field({ description: '步骤 Step name' })
  name!: string;
  @Field({ description: '说明 Description' })
  description!: string;
  @Field({ description: '时限 Time limit' })
  timeLimit!: string;
}

@ObjectType({ description: '执法流程图 Process flowchart of a category, drawn from its configured steps' })
export class ProcessFlowchart {
  @Field(() => ID, { description: '执法主体 Agency id' })
  agencyId!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field(() => [ProcessStepType], { description: '步骤 Steps' })
  steps!: ProcessStepType[];
  @Field({ description: '是否为默认流程 Whether these are the default steps (the agency configured none)' })
  isDefault!: boolean;
  @Field(() => Int, { description: '版本号 Version (0 for the default)' })
  version!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: '更新时间 When configured' })
  updatedAt?: Date | null;
  @Field({ description: 'Mermaid 流程图文本 Mermaid text' })
  flowchartMermaid!: string;
  @Field({ description: 'SVG 流程图路径 Path of the SVG served by the disclosure service' })
  flowchartSvgPath!: string;
}

@ObjectType({ description: '公示期限 Publication period for a penalty kind' })
export class PublicationPeriod {
  @Field(() => PenaltyKind, { description: '处罚种类 Penalty kind' })
  penaltyKind!: PenaltyKind;
  @Field(() => Int, { nullable: true, description: '月数 Months configured by the agency (null = legal default)' })
  months?: number | null;
}

@ObjectType({ description: '按类别计数 Count per category' })
export class CategoryCount {
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field(() => Int, { description: '数量 Count' })
  count!: number;
}

@ObjectType({ description: '按结果计数 Count per outcome' })
export class OutcomeCount {
  @Field({ description: '结果 Outcome' })
  outcome!: string;
  @Field(() => Int, { description: '数量 Count' })
  count!: number;
}

@ObjectType({ description: '年度行政执法数据 Annual enforcement report of an agency' })
export class AnnualReport {
  @Field(() => ID, { description: '执法主体 Agency id' })
  agencyId!: string;
  @Field(() => Int, { description: '年度 Year' })
  year!: number;
  @Field(() => DateScalar, { description: '公开期限 Due on (31 January of the next year)' })
  dueOn!: string;
  @Field({ description: '是否已发布（冻结） Published and frozen' })
  published!: boolean;
  @Field(() => DateTimeScalar, { nullable: true, description: '发布时间 Published at' })
  publishedAt?: Date | null;
  @Field(() => Int, { description: '决定总数 Decisions' })
  decisions!: number;
  @Field(() => [CategoryCount], { description: '按类别 Per category' })
  byCategory!: CategoryCount[];
  @Field(() => [OutcomeCount], { description: '按结果 Per outcome' })
  byOutcome!: OutcomeCount[];
  @Field(() => DecimalScalar, { description: '罚款总额 Fines total' })
  finesTotal!: string;
  @Field(() => DecimalScalar, { description: '没收金额 Confiscations total' })
  confiscationsTotal!: string;
  @Field(() => Int, { description: '法制审核通过 Reviews passed' })
  reviewsPassed!: number;
  @Field(() => Int, { description: '法制审核退回 Reviews returned' })
  reviewsReturned!: number;
  @Field(() => Int, { description: '法制审核不通过 Reviews failed' })
  reviewsFailed!: number;
  @Field(() => Int, { description: '按时公示 Published on time' })
  publishedOnTime!: number;
  @Field(() => Int, { description: '逾期公示 Published late' })
  publishedLate!: number;
  @Field(() => Int, { description: '尚未公示 Not yet published' })
  unpublished!: number;
  @Field(() => Int, { description: '依法不予公开 Withheld by law (e.g. minors)' })
  withheld!: number;
}
