import { DateScalar } from '@tsp/shared';
import { Field, ID, InputType, Int } from 'type-graphql';

import { InspectionKind } from './enums.js';

@InputType({ description: '企业登记 An enterprise to register' })
export class EnterpriseInput {
  @Field({ description: '统一社会信用代码 Unified social credit code; its check character is verified' })
  creditCode!: string;
  @Field({ description: '名称 Name as on the business licence' })
  name!: string;
  @Field({ description: '所在区域 Region, e.g. 宁晋县' })
  region!: string;
}

@InputType({ description: '检查事项 The content of an inspection item' })
export class InspectionItemInput {
  @Field({ description: '事项名称 Item name' })
  name!: string;
  @Field({ description: '检查依据 Legal basis (law and article)' })
  legalBasis!: string;
  @Field({ description: '所属行政执法事项 The enforcement item it belongs to' })
  enforcementItem!: string;
  @Field(() => String, { nullable: true, description: '检查内容 What is inspected' })
  content?: string | null;
}

@InputType({ description: '检查方案 An inspection to plan (for the approval of the agency head)' })
export class PlanInspectionInput {
  @Field(() => InspectionKind, { description: '检查类型 Kind' })
  kind!: InspectionKind;
  @Field(() => Boolean, {
    nullable: true,
    description: '情况紧急 Urgent: may start before approval, which the head then gives within 1 working day',
  })
  urgent?: boolean | null;
  @Field({ description: '检查缘由 Why: the plan, complaint or referral it comes from (not shown to the public)' })
  reason!: string;
  @Field(() => [ID], { description: '被检查企业 Enterprises (1–20)' })
  enterpriseIds!: string[];
  @Field(() => [ID], { description: "检查事项 Items of the inspecting agencies' published lists (1–50)" })
  itemIds!: string[];
  @Field(() => [ID], { description: '检查人员 Officers: at least two with valid credentials' })
  officerIds!: string[];
  @Field(() => [ID], { nullable: true, description: '联合检查机关 Partner agencies of a joint inspection' })
  partnerAgencyIds?: string[] | null;
  @Field(() => DateScalar, { description: '检查期限起 First day the visit may take place' })
  validFrom!: string;
  @Field(() => DateScalar, { description: '检查期限止 Last day (at most 31 days after the first)' })
  validUntil!: string;
}

@InputType({ description: '检查频次上限 The caps of a region' })
export class InspectionCapsInput {
  @Field(() => Int, { description: '每日上限 Visits to one enterprise per day, all agencies' })
  perDay!: number;
  @Field(() => Int, { description: '每周上限 Per calendar week' })
  perWeek!: number;
  @Field(() => Int, { description: '每月上限 Per calendar month' })
  perMonth!: number;
  @Field(() => Int, { description: '年度日常检查上限 Routine and joint visits by one agency per year' })
  routinePerAgencyYear!: number;
}

@InputType({ description: '年度计划条目 A line of an annual inspection plan' })
export class PlanLineInput {
  @Field(() => ID, { description: "检查事项 Item of the agency's list" })
  itemId!: string;
  @Field(() => Int, { description: '计划次数 Inspections planned in the year' })
  planned!: number;
}
