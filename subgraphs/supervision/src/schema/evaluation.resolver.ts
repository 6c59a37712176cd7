import { type Context, Idempotent, reloaded } from '@tsp/shared';
import {
  Arg,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';

import type { PlanView } from '../read/evaluation-views.js';
import {
  agencyYearResults,
  evaluationById,
  listPlans,
  listTemplates,
  planById,
  planResults,
  templateById,
} from '../read/evaluations.js';
import { evaluatorCaseGrants } from '../read/evaluator-grants.js';
import { assignEvaluator } from '../write/assign-evaluator.js';
import { planCaseFileEvaluation } from '../write/plan-case-file-evaluation.js';
import { saveEvaluationTemplate } from '../write/save-evaluation-template.js';
import { scoreCaseFile } from '../write/score-case-file.js';
import { PlanCaseFileEvaluationInput, SaveEvaluationTemplateInput, ScoreCaseFileInput } from './evaluation-inputs.js';
import {
  AgencyYearEvaluations,
  CaseFileEvaluation,
  CaseFileEvaluationPlan,
  CaseFileEvaluationResults,
  EvaluationTemplate,
} from './evaluation-types.js';
import { Agency } from './types.js';

const PLAN_ARG = { description: '评查方案标识 Plan id' };

@Resolver(() => CaseFileEvaluationPlan)
export class CaseFileEvaluationResolver {
  @UseMiddleware(Idempotent('supervision', reloaded(templateById)))
  @Mutation(() => EvaluationTemplate, {
    description:
      '制定评查标准 Save a scoring template: veto items and scored items totalling 100 (SUPERVISOR for its region, ADMIN)',
  })
  async saveEvaluationTemplate(
    @Ctx() ctx: Context,
    @Arg('input', { description: '评查标准 The template' }) input: SaveEvaluationTemplateInput,
  ) {
    return templateById(ctx, (await saveEvaluationTemplate(ctx, input)).id);
  }

  @Query(() => [EvaluationTemplate], {
    description: '评查标准 Templates usable in the caller’s region, newest first (SUPERVISOR, ADMIN)',
  })
  evaluationTemplates(@Ctx() ctx: Context) {
    return listTemplates(ctx);
  }

  @Directive('@inaccessible')
  @Query(() => [ID], {
    description: '内部：评查人可阅案卷 Internal: the cases an officer is assigned to evaluate and has not scored',
  })
  evaluatorCaseGrants(@Ctx() ctx: Context, @Arg('officerId', () => ID) officerId: string) {
    return evaluatorCaseGrants(ctx, officerId);
  }

  @UseMiddleware(Idempotent('supervision', reloaded(planById)))
  @Mutation(() => CaseFileEvaluationPlan, {
    description:
      '制定评查方案 Plan a year’s case-file evaluation: N archived case files per agency drawn at random with a recorded seed (SUPERVISOR of the region, ADMIN)',
  })
  async planCaseFileEvaluation(
    @Ctx() ctx: Context,
    @Arg('input', { description: '评查方案 The plan' }) input: PlanCaseFileEvaluationInput,
  ) {
    return planById(ctx, (await planCaseFileEvaluation(ctx, input)).id);
  }

  @Query(() => [CaseFileEvaluationPlan], {
    description: '评查方案 The plans of the caller’s region (ADMIN: all), newest first (SUPERVISOR, ADMIN)',
  })
  caseFileEvaluationPlans(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: '年度 Only this year' }) year?: number | null,
  ) {
    return listPlans(ctx, year);
  }

  @FieldResolver(() => EvaluationTemplate, { description: '评查标准 The template it is scored against' })
  template(@Root() p: PlanView, @Ctx() ctx: Context) {
    return templateById(ctx, p.templateId);
  }

  @UseMiddleware(Idempotent('supervision', reloaded(evaluationById)))
  @Mutation(() => CaseFileEvaluation, {
    description:
      '指定评查人员 Assign a sampled case file to an officer of another agency of the region (交叉评查; SUPERVISOR of the region, ADMIN)',
  })
  async assignEvaluator(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID, PLAN_ARG) planId: string,
    @Arg('caseId', () => ID, { description: '案件标识 The sampled case' }) caseId: string,
    @Arg('officerId', () => ID, { description: '评查人员 The evaluator (of another agency)' }) officerId: string,
  ) {
    return evaluationById(ctx, (await assignEvaluator(ctx, planId, caseId, officerId)).id);
  }

  @UseMiddleware(Idempotent('supervision', reloaded(evaluationById)))
  @Mutation(() => CaseFileEvaluation, {
    description:
      '案卷评分 The assigned evaluator scores every item; total and grade follow (优秀 ≥ 90, 合格 ≥ 60, 不合格 < 60 or a veto item failed). Final',
  })
  async scoreCaseFile(
    @Ctx() ctx: Context,
    @Arg('input', { description: '评分 The scores' }) input: ScoreCaseFileInput,
  ) {
    return evaluationById(ctx, (await scoreCaseFile(ctx, input)).id);
  }

  @Query(() => CaseFileEvaluationResults, {
    description:
      '评查结果 A plan’s case files and per-agency results: the bureau sees all; an agency its own scored files (not who scored them) and those it is to evaluate',
  })
  caseFileEvaluations(@Ctx() ctx: Context, @Arg('planId', () => ID, PLAN_ARG) planId: string) {
    return planResults(ctx, planId);
  }
}

@Resolver(() => Agency)
export class AgencyCaseFileEvaluationsResolver {
  @FieldResolver(() => AgencyYearEvaluations, {
    description:
      '案卷评查结果 The agency’s scored case files of a year with average and grades: the bureau of its region, ADMIN and its own staff; empty for anyone else',
  })
  caseFileEvaluations(
    @Root() a: Agency,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: '年度 Year of the plans' }) year: number,
  ) {
    return agencyYearResults(ctx, a.id, year);
  }
}
