import { type EnforcementCategory, type Finding, FindingKind } from '@tsp/shared';

export interface OverdueFact {
  reviewId: string;
  agencyId: string;
  caseNumber: string;
  category: EnforcementCategory;
  dueOn: string;
  status: string;
}

export interface UnreviewedDecisionFact {
  caseId: string;
  agencyId: string;
  caseNumber: string;
  category: EnforcementCategory;
  decidedOn: string;
  reasons: string[];
  seenAt: Date;
}

/** The instant a due day ends in Asia/Shanghai: overdue since the next day began there. */
function endOfShanghaiDay(day: string): Date {
  return new Date(`${day}T24:00:00+08:00`);
}

/** 法制审核监督发现 Review findings for one agency, from plain facts. */
export function reviewFindings(
  overdue: readonly OverdueFact[],
  unreviewed: readonly UnreviewedDecisionFact[],
): Finding[] {
  const out: Finding[] = [];
  for (const d of unreviewed) {
    out.push({
      kind: FindingKind.MAJOR_DECISION_WITHOUT_REVIEW,
      agency: { id: d.agencyId },
      subjectId: d.caseId,
      category: d.category,
      since: d.seenAt,
      detail: `案件 ${d.caseNumber} 于 ${d.decidedOn} 作出重大执法决定，未经法制审核（${d.reasons.join('；')}） / major decision without a passed review`,
    });
  }
  for (const r of overdue) {
    out.push({
      kind: FindingKind.REVIEW_OVERDUE,
      agency: { id: r.agencyId },
      subjectId: r.reviewId,
      category: r.category,
      since: endOfShanghaiDay(r.dueOn),
      detail: `案件 ${r.caseNumber} 的法制审核应于 ${r.dueOn} 前完成，仍为 ${r.status} / legal review overdue`,
    });
  }
  return out;
}
