import { DateScalar, DateTimeScalar, EnforcementCategory } from '@tsp/shared';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import { EvaluationGrade, EvaluationItemKind, EvaluationStatus } from './evaluation-enums.js';
import { Agency, Officer } from './types.js';

@ObjectType({ description: '评查项目 One item of a scoring template' })
export class EvaluationTemplateItem {
  @Field({ description: '编码 Code' })
  code!: string;
  @Field({ description: '名称 Name' })
  name!: string;
  @Field(() => EvaluationItemKind, { description: '类型 Veto or scored' })
  kind!: EvaluationItemKind;
  @Field(() => Int, { nullable: true, description: '分值 Maximum points (scored items)' })
  maxPoints!: number | null;
}

@ObjectType({ description: '评查标准 A scoring template (never changed once saved)' })
export class EvaluationTemplate {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '名称 Name' })
  name!: string;
  @Field(() => String, { nullable: true, description: '区域 Region (null: every region)' })
  region!: string | null;
  @Field(() => EnforcementCategory, { nullable: true, description: '执法类别 Category (null: all)' })
  category!: EnforcementCategory | null;
  @Field(() => [EvaluationTemplateItem], { description: '评查项目 Items' })
  items!: EvaluationTemplateItem[];
  @Field(() => DateTimeScalar, { description: '制定时间 Saved at' })
  createdAt!: Date;
}

@ObjectType({ description: '抽样范围 One agency’s candidate case files, sorted' })
export class EvaluationCandidates {
  @Field(() => Agency, { description: '机关 The agency' })
  agency!: { id: string };
  @Field(() => [ID], { description: '候选案件 Its cases archived in the year (sorted ids)' })
  caseIds!: string[];
}

@ObjectType({
  description:
    '评查方案 A year’s case-file evaluation: the sample is reproducible from the seed and the candidates (see README)',
})
export class CaseFileEvaluationPlan {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '区域 Region' })
  region!: string;
  @Field(() => Int, { description: '年度 Year' })
  year!: number;
  @Field({ description: '名称 Title' })
  title!: string;
  @Field(() => Int, { description: '每个机关抽取案卷数 Case files drawn per agency' })
  casesPerAgency!: number;
  @Field({ description: '随机种子 The 128-bit random seed of the draw (hex)' })
  seed!: string;
  @Field(() => [EvaluationCandidates], {
    description: '抽样范围 Candidates per agency (the bureau: all; an agency: its own)',
  })
  candidates!: EvaluationCandidates[];
  @Field(() => DateTimeScalar, { description: '制定时间 Planned at' })
  createdAt!: Date;
  templateId!: string;
}

@ObjectType({ description: '评查项目得分 One item of an evaluation' })
export class EvaluationItemScore extends EvaluationTemplateItem {
  @Field(() => Float, { nullable: true, description: '得分 Points (scored items, once scored)' })
  points!: number | null;
  @Field(() => Boolean, { nullable: true, description: '否决 Whether the veto item failed (veto items, once scored)' })
  vetoFailed!: boolean | null;
  @Field(() => String, { nullable: true, description: '评查意见 Comment' })
  comment!: string | null;
}

@ObjectType({ description: '案卷评查 One sampled case file and its evaluation' })
export class CaseFileEvaluation {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => ID, { description: '评查方案 The plan' })
  planId!: string;
  @Field(() => ID, { description: '案件 The case (records)' })
  caseId!: string;
  @Field({ description: '案号 Case number' })
  caseNumber!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field(() => DateScalar, { description: '归档日期 Archived on' })
  archivedOn!: string;
  @Field(() => Agency, { description: '被评查机关 The agency whose case file it is' })
  agency!: { id: string };
  @Field(() => EvaluationStatus, { description: '状态 Status' })
  status!: EvaluationStatus;
  @Field(() => Officer, {
    nullable: true,
    description: '评查人员 The evaluator (the bureau and the evaluator only; null for the evaluated agency)',
  })
  evaluator!: { id: string } | null;
  @Field(() => Agency, { nullable: true, description: '评查人员所在机关 The evaluator’s agency (as for evaluator)' })
  evaluatorAgency!: { id: string } | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '分配时间 Assigned at (as for evaluator)' })
  assignedAt!: Date | null;
  @Field(() => [EvaluationItemScore], { description: '评查项目 The template’s items, with the scores once given' })
  items!: EvaluationItemScore[];
  @Field(() => Float, { nullable: true, description: '总分 Total points' })
  total!: number | null;
  @Field(() => Boolean, { nullable: true, description: '否决 Whether a veto item failed' })
  vetoFailed!: boolean | null;
  @Field(() => EvaluationGrade, { nullable: true, description: '等次 Grade' })
  grade!: EvaluationGrade | null;
  @Field(() => String, { nullable: true, description: '总体评查意见 Overall comment' })
  comment!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '评分时间 Scored at' })
  scoredAt!: Date | null;
}

@ObjectType({ description: '机关评查结果 An agency’s scored case files: count, average and grades' })
export class AgencyEvaluationResult {
  @Field(() => Agency, { description: '机关 The agency' })
  agency!: { id: string };
  @Field(() => Int, { description: '已评查 Case files scored' })
  evaluated!: number;
  @Field(() => Float, { nullable: true, description: '平均分 Average points (one decimal; null when none)' })
  average!: number | null;
  @Field(() => Int, { description: '优秀 Excellent' })
  excellent!: number;
  @Field(() => Int, { description: '合格 Passed' })
  passed!: number;
  @Field(() => Int, { description: '不合格 Failed' })
  failed!: number;
}

@ObjectType({ description: '年度案卷评查结果 An agency’s case-file evaluation results of a year' })
export class AgencyYearEvaluations extends AgencyEvaluationResult {
  @Field(() => Int, { description: '年度 Year' })
  year!: number;
  @Field(() => [CaseFileEvaluation], { description: '案卷 Its scored case files' })
  evaluations!: CaseFileEvaluation[];
}

@ObjectType({ description: '评查结果 A plan’s case files and per-agency results, as the caller may see them' })
export class CaseFileEvaluationResults {
  @Field(() => CaseFileEvaluationPlan, { description: '评查方案 The plan' })
  plan!: CaseFileEvaluationPlan;
  @Field(() => EvaluationTemplate, { description: '评查标准 Its template' })
  template!: EvaluationTemplate;
  @Field(() => [CaseFileEvaluation], { description: '案卷 Case files in agency and draw order' })
  evaluations!: CaseFileEvaluation[];
  @Field(() => [AgencyEvaluationResult], { description: '机关结果 Per agency: scored, average, grades' })
  agencies!: AgencyEvaluationResult[];
}
