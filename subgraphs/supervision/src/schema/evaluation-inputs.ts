import { EnforcementCategory } from '@tsp/shared';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

import { EvaluationItemKind } from './evaluation-enums.js';

@InputType({ description: '评查项目 One item of a scoring template' })
export class EvaluationTemplateItemInput {
  @Field({ description: '编码 Code, unique in the template (1–32 letters, digits, _ . -)' })
  code!: string;
  @Field({ description: '名称 Name, e.g. 证据 or 执法主体不合法' })
  name!: string;
  @Field(() => EvaluationItemKind, { description: '类型 Veto or scored' })
  kind!: EvaluationItemKind;
  @Field(() => Int, { nullable: true, description: '分值 Maximum points (scored items; they total 100)' })
  maxPoints?: number | null;
}

@InputType({ description: '评查标准 A scoring template' })
export class SaveEvaluationTemplateInput {
  @Field({ description: '名称 Name' })
  name!: string;
  @Field(() => EnforcementCategory, { nullable: true, description: '执法类别 For cases of this category (null: all)' })
  category?: EnforcementCategory | null;
  @Field(() => String, {
    nullable: true,
    description: '区域 ADMIN only: the region (null: every region); a bureau’s template is for its own region',
  })
  region?: string | null;
  @Field(() => [EvaluationTemplateItemInput], { description: '评查项目 Items (≤ 50; scored items total 100)' })
  items!: EvaluationTemplateItemInput[];
}

@InputType({ description: '评查方案 A year’s case-file evaluation in a region' })
export class PlanCaseFileEvaluationInput {
  @Field({ description: '区域 The region (the bureau’s own)' })
  region!: string;
  @Field(() => Int, { description: '年度 Cases archived in this year' })
  year!: number;
  @Field({ description: '名称 Title, e.g. 2026年度行政执法案卷评查' })
  title!: string;
  @Field(() => ID, { description: '评查标准 The template' })
  templateId!: string;
  @Field(() => Int, { description: '每个机关抽取案卷数 Case files drawn per agency (1–100)' })
  casesPerAgency!: number;
  @Field(() => [ID], {
    nullable: true,
    description: '参评机关 These agencies only (default: every agency of the region)',
  })
  agencyIds?: string[] | null;
}

@InputType({ description: '评查项目得分 One item as scored' })
export class ItemScoreInput {
  @Field({ description: '编码 The template item’s code' })
  code!: string;
  @Field(() => Float, { nullable: true, description: '得分 Points (scored items: 0…max in half points)' })
  points?: number | null;
  @Field(() => Boolean, { nullable: true, description: '否决 Whether the veto item failed (veto items)' })
  vetoFailed?: boolean | null;
  @Field(() => String, { nullable: true, description: '评查意见 Comment (≤ 1,000 characters)' })
  comment?: string | null;
}

@InputType({ description: '案卷评分 The evaluator’s scores for one case file (every item)' })
export class ScoreCaseFileInput {
  @Field(() => ID, { description: '评查标识 The evaluation' })
  evaluationId!: string;
  @Field(() => [ItemScoreInput], { description: '各项得分 Every item of the template' })
  items!: ItemScoreInput[];
  @Field(() => String, { nullable: true, description: '总体评查意见 Overall comment (≤ 2,000 characters)' })
  comment?: string | null;
}
