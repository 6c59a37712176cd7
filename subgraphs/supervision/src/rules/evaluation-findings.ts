import { type EnforcementCategory, type Finding, FindingKind } from '@tsp/shared';

import { EvaluationGrade } from './evaluation-kinds.js';

/** What the finding needs of one scored evaluation. */
export interface EvaluationFact {
  caseId: string;
  agencyId: string;
  caseNumber: string;
  category: EnforcementCategory;
  planTitle: string;
  year: number;
  grade: EvaluationGrade;
  total: number;
  vetoFailed: boolean;
  scoredAt: Date;
}

/**
 * 案卷不合格 A case file graded 不合格 in a plan is a finding against its agency (CASE_FILE_FAILED), from the day it
 * was scored: the bureau follows it up with a rectification notice (整改通知). The subject is the case.
 */
export function evaluationFindings(facts: readonly EvaluationFact[]): Finding[] {
  return facts
    .filter((f) => f.grade === EvaluationGrade.FAILED)
    .map((f) => ({
      kind: FindingKind.CASE_FILE_FAILED,
      agency: { id: f.agencyId },
      subjectId: f.caseId,
      since: f.scoredAt,
      category: f.category,
      detail:
        `案卷 ${f.caseNumber} 在「${f.planTitle}」（${f.year}年）中评为不合格` +
        `（${f.vetoFailed ? '存在否决项' : `${f.total} 分`}） / case file graded FAILED in the plan "${f.planTitle}"`,
    }));
}

/** Per-agency results: how many scored, their average and how many of each grade. */
export interface AgencyResult {
  agencyId: string;
  evaluated: number;
  average: number | null;
  excellent: number;
  passed: number;
  failed: number;
}

export function agencyResults(
  scored: readonly { agencyId: string; total: number; grade: EvaluationGrade }[],
): AgencyResult[] {
  const by = new Map<string, AgencyResult & { sum: number }>();
  for (const s of scored) {
    const r = by.get(s.agencyId) ?? {
      agencyId: s.agencyId,
      evaluated: 0,
      average: null,
      excellent: 0,
      passed: 0,
      failed: 0,
      sum: 0,
    };
    r.sum += s.total;
    r.evaluated++;
    if (s.grade === EvaluationGrade.EXCELLENT) r.excellent++;
    else if (s.grade === EvaluationGrade.PASSED) r.passed++;
    else r.failed++;
    by.set(s.agencyId, r);
  }
  // Averages to one decimal, as the standards report them.
  return [...by.values()]
    .map(({ sum, ...r }) => ({ ...r, average: Math.round((sum / r.evaluated) * 10) / 10 }))
    .sort((a, b) => a.agencyId.localeCompare(b.agencyId));
}
