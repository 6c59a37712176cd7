import { DateScalar, DecimalScalar, DiscretionTier, EnforcementCategory, PartyType, PenaltyKind } from '@tsp/shared';
import { Field, ID, InputType, Int } from 'type-graphql';

import { PublicationKind, PublicationStatus } from './enums.js';

@InputType({ description: '公示查询条件 Publication filter' })
export class PublicationFilter {
  @Field(() => ID, { nullable: true, description: '执法主体 Agency' })
  agencyId?: string | null;
  @Field(() => EnforcementCategory, { nullable: true, description: '执法类别 Category' })
  category?: EnforcementCategory | null;
  @Field(() => PublicationKind, { nullable: true, description: '公示类型 Kind' })
  kind?: PublicationKind | null;
  @Field(() => DateScalar, { nullable: true, description: '决定日期起 Decided from (inclusive)' })
  decidedFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: '决定日期止 Decided to (inclusive)' })
  decidedTo?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '关键词 Text in case number, party, summary, conclusion or basis',
  })
  text?: string | null;
  @Field(() => PublicationStatus, {
    nullable: true,
    description:
      "状态 Status. Omitted = the public list (published, not withdrawn or expired). Given = the caller's own scope (agency staff, supervisor), any status.",
  })
  status?: PublicationStatus | null;
}

@InputType({ description: '公示纠错 Correction of a publication; omitted fields stay' })
export class PublicationCorrectionInput {
  @Field(() => String, { nullable: true, description: '文号 Case number' })
  caseNumber?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '当事人（自然人将被遮蔽） Party name (natural persons are masked)',
  })
  partyName?: string | null;
  @Field(() => String, { nullable: true, description: '简要事实 Summary' })
  summary?: string | null;
  @Field(() => String, { nullable: true, description: '执法结论 Conclusion' })
  conclusion?: string | null;
  @Field(() => String, { nullable: true, description: '法律依据 Legal basis' })
  legalBasis?: string | null;
}

@InputType({ description: '双随机抽查结果 A random-inspection result to publish' })
export class InspectionResultInput {
  @Field(() => ID, { description: '执法主体 Agency' })
  agencyId!: string;
  @Field({ description: '检查编号 Inspection number' })
  inspectionNumber!: string;
  @Field({ description: '检查对象 Inspected party' })
  partyName!: string;
  @Field(() => PartyType, { description: '对象类型 Party type' })
  partyType!: PartyType;
  @Field({ defaultValue: false, description: '对象为未成年人 Party is a minor (never published)' })
  partyIsMinor!: boolean;
  @Field({ description: '抽查事项与情况 What was inspected and found' })
  summary!: string;
  @Field({ description: '检查结果 Result' })
  conclusion!: string;
  @Field({ description: '抽查依据 Legal basis' })
  legalBasis!: string;
  @Field(() => DateScalar, { description: '检查日期 Inspected on' })
  inspectedOn!: string;
  @Field({ defaultValue: true, description: '审核后立即发布 Publish at once (the caller has checked it)' })
  publishNow!: boolean;
}

@InputType({ description: '公示期限设置 Publication period for a penalty kind' })
export class PublicationPeriodInput {
  @Field(() => PenaltyKind, { description: '处罚种类 Penalty kind' })
  penaltyKind!: PenaltyKind;
  @Field(() => Int, { nullable: true, description: '月数 Months (1-120); null = back to the legal default' })
  months?: number | null;
}

@InputType({ description: '行政执法事项 Enforcement item' })
export class EnforcementItemInput {
  @Field({ description: '事项名称 Item name' })
  name!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '实施依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '责任主体 Responsible body' })
  responsibleBody!: string;
}

@InputType({ description: '随机抽查事项 Random-inspection item' })
export class RandomInspectionItemInput {
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
  @Field({ description: '抽查比例 Sampling ratio, e.g. 5%' })
  samplingRatio!: string;
  @Field({ description: '抽查方式 Method' })
  method!: string;
  @Field({ description: '抽查频次 Frequency' })
  frequency!: string;
}

@InputType({ description: '服务指南 Service guide' })
export class ServiceGuideInput {
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
  @Field({ description: '服务对象 Object' })
  object!: string;
  @Field(() => [String], { description: '申请材料 Application materials' })
  applicationMaterials!: string[];
  @Field({ description: '办理流程 Process' })
  process!: string;
  @Field({ description: '办理时限 Time limit' })
  timeLimit!: string;
  @Field({ defaultValue: '不收费', description: '收费标准 Fees' })
  fees!: string;
  @Field({ description: '监督方式 Supervision' })
  supervision!: string;
  @Field({ description: '救济渠道 Remedy' })
  remedy!: string;
  @Field({ defaultValue: '', description: '责任追究 Accountability' })
  accountability!: string;
  @Field({ description: '办公时间 Office hours' })
  officeHours!: string;
  @Field({ description: '办公地址 Address' })
  address!: string;
  @Field({ description: '办公电话 Phone' })
  phone!: string;
}

@InputType({ description: '执法主体信息 Body information' })
export class AgencyDisclosureInput {
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

@InputType({ description: '流程步骤 Process step' })
export class ProcessStepInput {
  @Field({ description: '步骤 Step name' })
  name!: string;
  @Field({ defaultValue: '', description: '说明 Description' })
  description!: string;
  @Field({ defaultValue: '', description: '时限 Time limit' })
  timeLimit!: string;
}

@InputType({ description: '裁量阶次 A tier of a discretion benchmark' })
export class DiscretionBenchmarkTierInput {
  @Field(() => DiscretionTier, { description: '裁量阶次 Tier' })
  tier!: DiscretionTier;
  @Field({ description: '适用情形 Circumstances in which the tier applies (at most 2000 characters)' })
  circumstances!: string;
  @Field(() => DecimalScalar, { nullable: true, description: '罚款下限 Lowest fine (null = no minimum)' })
  minFine?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '罚款上限 Highest fine (null = no maximum)' })
  maxFine?: string | null;
}

@InputType({ description: '行政处罚裁量基准 Penalty discretion benchmark of an enforcement item' })
export class DiscretionBenchmarkInput {
  @Field(() => ID, { description: '行政执法事项 An active penalty item of the same agency' })
  enforcementItemId!: string;
  @Field({ description: '违法行为 The violation (at most 2000 characters)' })
  violation!: string;
  @Field({ description: '法律依据 Legal basis (at most 2000 characters)' })
  legalBasis!: string;
  @Field(() => [DiscretionBenchmarkTierInput], { description: '裁量阶次 Tiers (1 to 10, each tier once)' })
  tiers!: DiscretionBenchmarkTierInput[];
  @Field(() => String, {
    nullable: true,
    description: '轻微不罚条件 Conditions of the 轻微不罚 list; null or empty = not on that list',
  })
  minorExemption?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '首违不罚条件 Conditions of the 首违不罚 list; null or empty = not on that list',
  })
  firstViolationExemption?: string | null;
}
