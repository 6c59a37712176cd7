import {
  badInput,
  type Context,
  type EnforcementCategory,
  forbidden,
  optionalText,
  requireRole,
  requireText,
  Role,
} from '@tsp/shared';

import { EvaluationTemplateEntity } from '../entities/index.js';
import type { EvaluationItemKind } from '../rules/evaluation-kinds.js';
import { type TemplateItem, templateProblem } from '../rules/evaluation-template.js';

export interface SaveEvaluationTemplate {
  name: string;
  category?: EnforcementCategory | null;
  /** ADMIN only: the region it is for (null: every region). A SUPERVISOR's template is for their region. */
  region?: string | null;
  items: { code: string; name: string; kind: EvaluationItemKind; maxPoints?: number | null }[];
}

/**
 * 评查标准 The bureau (SUPERVISOR, for its region) or ADMIN (for one region or all) saves a scoring template. Each
 * save is a new template: plans keep the one they were scored against.
 */
export async function saveEvaluationTemplate(
  ctx: Context,
  input: SaveEvaluationTemplate,
): Promise<EvaluationTemplateEntity> {
  requireRole(ctx.identity, Role.SUPERVISOR, Role.ADMIN);
  const name = requireText('name', input.name, 200);
  let region = optionalText('region', input.region, 100);
  if (ctx.identity.role === Role.SUPERVISOR) {
    if (region && region !== ctx.identity.region)
      throw forbidden('a bureau saves templates for its own region / 只能为本地区制定评查标准');
    region = ctx.identity.region ?? null;
    if (!region) throw forbidden('the token names no region');
  }
  const items: TemplateItem[] = (input.items ?? []).map((it) => ({
    code: (it.code ?? '').trim(),
    name: (it.name ?? '').trim(),
    kind: it.kind,
    maxPoints: it.maxPoints ?? null,
  }));
  const problem = templateProblem(items);
  if (problem) throw badInput(problem.field, problem.message);
  const t = ctx.em.create(EvaluationTemplateEntity, {
    region,
    name,
    category: input.category ?? null,
    items,
    createdBy: ctx.identity.sub,
  });
  await ctx.em.flush();
  return t;
}
