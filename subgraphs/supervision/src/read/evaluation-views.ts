import type { Identity } from '@tsp/shared';

import type { CaseFileEvaluationEntity, EvaluationPlanEntity, EvaluationTemplateEntity } from '../entities/index.js';
import type { EvaluationGrade, EvaluationItemKind, EvaluationStatus } from '../rules/evaluation-kinds.js';
import { isBureauOfRegion } from '../write/evaluation-access.js';

export interface TemplateView {
  id: string;
  name: string;
  region: string | null;
  category: EvaluationTemplateEntity['category'];
  items: { code: string; name: string; kind: EvaluationItemKind; maxPoints: number | null }[];
  createdAt: Date;
}

export const templateView = (t: EvaluationTemplateEntity): TemplateView => ({
  id: t.id,
  name: t.name,
  region: t.region,
  category: t.category,
  items: t.items,
  createdAt: t.createdAt,
});

export interface PlanView {
  id: string;
  region: string;
  year: number;
  title: string;
  templateId: string;
  casesPerAgency: number;
  seed: string;
  candidates: { agency: { id: string }; caseIds: string[] }[];
  createdAt: Date;
}

/**
 * The bureau sees every agency's candidates; an agency's staff see the seed and their own agency's candidates,
 * enough to recompute their own draw (each agency's draw is its own stream of the seed).
 */
export function planView(identity: Identity, p: EvaluationPlanEntity): PlanView {
  const bureau = isBureauOfRegion(identity, p.region);
  return {
    id: p.id,
    region: p.region,
    year: p.year,
    title: p.title,
    templateId: p.templateId,
    casesPerAgency: p.casesPerAgency,
    seed: p.seed,
    candidates: Object.keys(p.candidates)
      .sort()
      .filter((a) => bureau || a === identity.agencyId)
      .map((a) => ({ agency: { id: a }, caseIds: p.candidates[a] })),
    createdAt: p.createdAt,
  };
}

export interface EvaluationItemView {
  code: string;
  name: string;
  kind: EvaluationItemKind;
  maxPoints: number | null;
  points: number | null;
  vetoFailed: boolean | null;
  comment: string | null;
}

export interface EvaluationView {
  id: string;
  planId: string;
  caseId: string;
  caseNumber: string;
  category: CaseFileEvaluationEntity['category'];
  archivedOn: string;
  agency: { id: string };
  status: EvaluationStatus;
  evaluator: { id: string } | null;
  evaluatorAgency: { id: string } | null;
  assignedAt: Date | null;
  items: EvaluationItemView[];
  total: number | null;
  vetoFailed: boolean | null;
  grade: EvaluationGrade | null;
  comment: string | null;
  scoredAt: Date | null;
}

/**
 * Who scored a file is the bureau's (and the evaluator's own) to know: the evaluated agency reads the scores and
 * comments, not the evaluator, so that cross-evaluation stays free of pressure between neighbouring agencies.
 */
export function evaluationView(
  identity: Identity,
  e: CaseFileEvaluationEntity,
  template: EvaluationTemplateEntity,
): EvaluationView {
  const named = isBureauOfRegion(identity, e.region) || (!!e.evaluatorId && e.evaluatorId === identity.sub);
  return {
    id: e.id,
    planId: e.planId,
    caseId: e.caseId,
    caseNumber: e.caseNumber,
    category: e.category,
    archivedOn: e.archivedOn,
    agency: { id: e.agencyId },
    status: e.status,
    evaluator: named && e.evaluatorId ? { id: e.evaluatorId } : null,
    evaluatorAgency: named && e.evaluatorAgencyId ? { id: e.evaluatorAgencyId } : null,
    assignedAt: named ? e.assignedAt : null,
    items: template.items.map((t) => {
      const s = e.items?.find((i) => i.code === t.code);
      return { ...t, points: s?.points ?? null, vetoFailed: s?.vetoFailed ?? null, comment: s?.comment ?? null };
    }),
    total: e.total === null ? null : Number(e.total),
    vetoFailed: e.vetoFailed,
    grade: e.grade,
    comment: e.comment,
    scoredAt: e.scoredAt,
  };
}
