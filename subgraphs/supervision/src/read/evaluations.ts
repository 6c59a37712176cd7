import { alignMany, badInput, type Context, isUuid, requireId, requireRole, requireUser, Role } from '@tsp/shared';

import { CaseFileEvaluationEntity, EvaluationPlanEntity, EvaluationTemplateEntity } from '../entities/index.js';
import { type AgencyResult, agencyResults } from '../rules/evaluation-findings.js';
import { EvaluationStatus } from '../rules/evaluation-kinds.js';
import { hiddenPlan, isAgencyStaff, isBureauOfRegion } from '../write/evaluation-access.js';
import {
  type EvaluationView,
  evaluationView,
  type PlanView,
  planView,
  type TemplateView,
  templateView,
} from './evaluation-views.js';

/** Evaluations a non-bureau caller sees: their own agency's once scored, and those they were assigned to score. */
function visibleToStaff(ctx: Context, e: CaseFileEvaluationEntity): boolean {
  const id = ctx.identity;
  if (!isAgencyStaff(id)) return false;
  return (e.agencyId === id.agencyId && e.status === EvaluationStatus.SCORED) || e.evaluatorId === id.sub;
}

const scoredResults = (rows: readonly CaseFileEvaluationEntity[]): AgencyResult[] =>
  agencyResults(
    rows
      .filter((e) => e.status === EvaluationStatus.SCORED)
      .map((e) => ({ agencyId: e.agencyId, total: Number(e.total), grade: e.grade! })),
  );

async function templatesOf(ctx: Context, ids: string[]): Promise<Map<string, EvaluationTemplateEntity>> {
  if (!ids.length) return new Map();
  const ts = await ctx.em.find(EvaluationTemplateEntity, { id: { $in: [...new Set(ids)] } });
  return new Map(ts.map((t) => [t.id, t]));
}

export interface PlanResults {
  plan: PlanView;
  template: TemplateView;
  evaluations: EvaluationView[];
  agencies: (Omit<AgencyResult, 'agencyId'> & { agency: { id: string } })[];
}

/**
 * 评查结果 One plan's case files, in agency and draw order, with per-agency averages and grade counts: the bureau of
 * the region sees all (and who scored them); an agency's staff see their own agency's scored files and those they
 * are assigned to evaluate, without the names of their own files' evaluators. Anyone else: NOT_FOUND.
 */
export async function planResults(ctx: Context, planId: string): Promise<PlanResults> {
  requireUser(ctx.identity);
  const plan = await ctx.em.findOne(EvaluationPlanEntity, { id: requireId('plan', planId) });
  if (!plan) throw hiddenPlan(planId);
  const bureau = isBureauOfRegion(ctx.identity, plan.region);
  const rows = (
    await ctx.em.find(CaseFileEvaluationEntity, { planId: plan.id }, { orderBy: { agencyId: 'asc', position: 'asc' } })
  ).filter((e) => bureau || visibleToStaff(ctx, e));
  if (!bureau && !rows.length) throw hiddenPlan(planId);
  const template = await ctx.em.findOneOrFail(EvaluationTemplateEntity, { id: plan.templateId });
  return {
    plan: planView(ctx.identity, plan),
    template: templateView(template),
    evaluations: rows.map((e) => evaluationView(ctx.identity, e, template)),
    agencies: scoredResults(rows).map(({ agencyId, ...r }) => ({ agency: { id: agencyId }, ...r })),
  };
}

export interface AgencyYearResults extends Omit<AgencyResult, 'agencyId'> {
  agency: { id: string };
  year: number;
  evaluations: EvaluationView[];
}

/**
 * An agency's scored case files in the plans of a year, with its average and grade counts: for the bureau of its
 * region, ADMIN, and the agency's own staff; empty for anyone else (like findings, so one query over many agencies
 * answers with what the caller may see). Batched: three statements for every agency of the request.
 */
export async function agencyYearResults(ctx: Context, agencyId: string, year: number): Promise<AgencyYearResults> {
  requireUser(ctx.identity);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'a year from 2000');
  const found = await ctx.loaders
    .get<string, { e: CaseFileEvaluationEntity; template: EvaluationTemplateEntity }[]>(
      `agencyYearEvaluations:${year}`,
      async (ids) => {
        const uuids = ids.filter((id) => isUuid(id));
        const rows = !uuids.length
          ? []
          : await ctx.em.execute(
              `select e.* from supervision.case_file_evaluation e
                 join supervision.evaluation_plan p on p.id = e.plan_id
                where e.agency_id = any(?::uuid[]) and p.year = ? and e.status = 'SCORED'
                order by e.scored_at, e.id`,
              [`{${uuids.join(',')}}`, year],
            );
        const seen = rows
          .map((r) => ctx.em.map(CaseFileEvaluationEntity, r))
          .filter(
            (e) =>
              (isAgencyStaff(ctx.identity) && ctx.identity.agencyId === e.agencyId) ||
              isBureauOfRegion(ctx.identity, e.region),
          );
        const planIds = [...new Set(seen.map((e) => e.planId))];
        const plans = planIds.length ? await ctx.em.find(EvaluationPlanEntity, { id: { $in: planIds } }) : [];
        const templates = await templatesOf(
          ctx,
          plans.map((p) => p.templateId),
        );
        const templateOfPlan = new Map(plans.map((p) => [p.id, templates.get(p.templateId)!]));
        return alignMany(
          ids,
          seen.map((e) => ({ e, template: templateOfPlan.get(e.planId)! })),
          (x) => x.e.agencyId,
        );
      },
    )
    .load(agencyId);
  const [r] = scoredResults(found.map((x) => x.e));
  return {
    agency: { id: agencyId },
    year,
    evaluated: r?.evaluated ?? 0,
    average: r?.average ?? null,
    excellent: r?.excellent ?? 0,
    passed: r?.passed ?? 0,
    failed: r?.failed ?? 0,
    evaluations: found.map((x) => evaluationView(ctx.identity, x.e, x.template)),
  };
}

/** The plans of the caller's region (ADMIN: all), newest first: the bureau's list. */
export async function listPlans(ctx: Context, year?: number | null): Promise<PlanView[]> {
  requireRole(ctx.identity, Role.SUPERVISOR, Role.ADMIN);
  const where: Record<string, unknown> = {};
  if (ctx.identity.role === Role.SUPERVISOR) where.region = ctx.identity.region ?? '';
  if (year != null) where.year = year;
  const plans = await ctx.em.find(EvaluationPlanEntity, where, { orderBy: { createdAt: 'desc' }, limit: 200 });
  return plans.map((p) => planView(ctx.identity, p));
}

/** Templates usable in the caller's region (its own and ADMIN's general ones; ADMIN: all). */
export async function listTemplates(ctx: Context): Promise<TemplateView[]> {
  requireRole(ctx.identity, Role.SUPERVISOR, Role.ADMIN);
  const where =
    ctx.identity.role === Role.SUPERVISOR ? { $or: [{ region: ctx.identity.region ?? '' }, { region: null }] } : {};
  const ts = await ctx.em.find(EvaluationTemplateEntity, where, { orderBy: { createdAt: 'desc' }, limit: 200 });
  return ts.map(templateView);
}

/** One evaluation, as its own row in the results (for mutation answers). */
export async function evaluationById(ctx: Context, id: string): Promise<EvaluationView> {
  requireUser(ctx.identity);
  const e = await ctx.em.findOneOrFail(CaseFileEvaluationEntity, { id });
  const plan = await ctx.em.findOneOrFail(EvaluationPlanEntity, { id: e.planId });
  const template = await ctx.em.findOneOrFail(EvaluationTemplateEntity, { id: plan.templateId });
  return evaluationView(ctx.identity, e, template);
}

export async function planById(ctx: Context, id: string): Promise<PlanView> {
  return planView(ctx.identity, await ctx.em.findOneOrFail(EvaluationPlanEntity, { id }));
}

/** A plan's template; the templates of every plan of a request in one statement. */
export async function templateById(ctx: Context, id: string): Promise<TemplateView> {
  const t = await ctx.loaders
    .get<string, EvaluationTemplateEntity | undefined>('evaluationTemplates', async (ids) => {
      const byId = await templatesOf(ctx, [...ids]);
      return ids.map((i) => byId.get(i));
    })
    .load(id);
  if (!t) throw new Error(`evaluation template ${id} is missing`);
  return templateView(t);
}
