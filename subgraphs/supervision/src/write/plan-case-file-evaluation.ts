import { badInput, type Context, requireId, requireText, requireUser, shanghaiDate } from '@tsp/shared';

import { agencyFacts } from '../clients/personnel.js';
import { archivedCases } from '../clients/records.js';
import { CaseFileEvaluationEntity, EvaluationPlanEntity, EvaluationTemplateEntity } from '../entities/index.js';
import { EvaluationStatus } from '../rules/evaluation-kinds.js';
import { groupCandidates, newSeed, sampleCases } from '../rules/sampling.js';
import { requireBureauOf } from './evaluation-access.js';

export interface PlanCaseFileEvaluation {
  region: string;
  year: number;
  title: string;
  templateId: string;
  casesPerAgency: number;
  agencyIds?: string[] | null;
}

export const MAX_CASES_PER_AGENCY = 100;

/**
 * 评查方案 The bureau of a region plans a year's case-file evaluation: records lists the cases archived that year
 * (of the agencies named, or of every agency of the region; of the template's category if it has one), a fresh
 * random seed draws N per agency, and plan, seed, candidates and sample are stored together.
 */
export async function planCaseFileEvaluation(
  ctx: Context,
  input: PlanCaseFileEvaluation,
): Promise<EvaluationPlanEntity> {
  requireUser(ctx.identity);
  const region = requireText('region', input.region, 100);
  requireBureauOf(ctx.identity, region);
  const title = requireText('title', input.title, 200);
  const thisYear = Number(shanghaiDate().slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > thisYear)
    throw badInput('year', `a year from 2000 to ${thisYear}`);
  const n = input.casesPerAgency;
  if (!Number.isInteger(n) || n < 1 || n > MAX_CASES_PER_AGENCY)
    throw badInput('casesPerAgency', `1…${MAX_CASES_PER_AGENCY}`);
  const template = await ctx.em.findOne(EvaluationTemplateEntity, { id: requireId('template', input.templateId) });
  if (!template || (template.region !== null && template.region !== region))
    throw badInput('templateId', 'no such template for this region / 无此评查标准');
  let agencyIds: string[] | null = null;
  if (input.agencyIds) {
    if (!input.agencyIds.length || input.agencyIds.length > 200) throw badInput('agencyIds', '1…200 agencies');
    agencyIds = [...new Set(input.agencyIds.map((id) => requireId('agency', id)))];
    const known = await agencyFacts(agencyIds);
    const outside = agencyIds.filter((id) => !known.some((a) => a.id === id && a.region === region));
    if (outside.length) throw badInput('agencyIds', `not agencies of ${region}: ${outside.join(', ')}`);
  }
  const found = (
    await archivedCases({ region, agencyIds, from: `${input.year}-01-01`, to: `${input.year}-12-31` })
  ).filter((c) => !template.category || c.category === template.category);
  if (!found.length) throw badInput('year', `no case of ${region} was archived in ${input.year} / 该年度无归档案件`);
  const candidates = groupCandidates(found);
  const seed = newSeed();
  const sample = sampleCases(seed, candidates, n);
  const byId = new Map(found.map((c) => [c.id, c]));
  return ctx.em.transactional(async (tx) => {
    const plan = tx.create(EvaluationPlanEntity, {
      region,
      year: input.year,
      title,
      templateId: template.id,
      casesPerAgency: n,
      agencyIds,
      seed,
      candidates,
      createdBy: ctx.identity.sub!,
    });
    for (const ids of Object.values(sample))
      ids.forEach((caseId, position) => {
        const c = byId.get(caseId)!;
        tx.create(CaseFileEvaluationEntity, {
          planId: plan.id,
          position,
          caseId,
          agencyId: c.agencyId,
          region,
          caseNumber: c.caseNumber,
          category: c.category,
          archivedOn: c.archivedOn,
          status: EvaluationStatus.SAMPLED,
        });
      });
    await tx.flush();
    return plan;
  });
}
