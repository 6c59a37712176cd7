import { type EnforcementCategory, type Finding, FindingKind } from '@tsp/shared';

import { annualReportDueOn } from './deadlines.js';

export interface OverdueDraft {
  id: string;
  caseNumber: string;
  category: EnforcementCategory;
  dueOn: string;
}
export interface PendingWithdrawal {
  id: string;
  caseNumber: string;
  category: EnforcementCategory;
  withdrawalDueOn: string;
}
export interface VisibleButGone {
  id: string;
  caseNumber: string;
  category: EnforcementCategory;
  why: string;
}

export interface DisclosureFacts {
  agencyId: string;
  today: string;
  now: Date;
  /** Publishable drafts past their due date. */
  overdueDrafts: OverdueDraft[];
  /** Publications whose decision was changed/revoked and that are still not withdrawn. */
  pendingWithdrawals: PendingWithdrawal[];
  /** Rows the public list would show although they are withdrawn, expired or not publishable. */
  visibleButGone: VisibleButGone[];
  /** Years whose annual report was published (frozen). */
  reportedYears: readonly number[];
}

/** Start of the day after `day` in Asia/Shanghai: when something due on `day` became overdue. */
function dayAfter(day: string): Date {
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000);
}

/** 公示监督发现 Disclosure findings for one agency, from plain facts. */
export function disclosureFindings(f: DisclosureFacts): Finding[] {
  const agency = { id: f.agencyId };
  const out: Finding[] = [];
  for (const d of f.overdueDrafts) {
    if (d.dueOn >= f.today) continue;
    out.push({
      kind: FindingKind.PUBLICATION_OVERDUE,
      agency,
      subjectId: d.id,
      category: d.category,
      since: dayAfter(d.dueOn),
      detail: `决定 ${d.caseNumber} 应于 ${d.dueOn} 前公示，仍未发布 / not published by ${d.dueOn}`,
    });
  }
  for (const w of f.pendingWithdrawals) {
    if (w.withdrawalDueOn >= f.today) continue;
    out.push({
      kind: FindingKind.WITHDRAWAL_OVERDUE,
      agency,
      subjectId: w.id,
      category: w.category,
      since: dayAfter(w.withdrawalDueOn),
      detail: `决定 ${w.caseNumber} 已变更或撤销，应于 ${w.withdrawalDueOn} 前撤下公示，仍在公示 / not withdrawn by ${w.withdrawalDueOn}`,
    });
  }
  for (const v of f.visibleButGone) {
    out.push({
      kind: FindingKind.WITHDRAWN_STILL_VISIBLE,
      agency,
      subjectId: v.id,
      category: v.category,
      since: f.now,
      detail: `决定 ${v.caseNumber} ${v.why}，但仍出现在公开列表 / still on the public list`,
    });
  }
  const lastYear = Number(f.today.slice(0, 4)) - 1;
  if (f.today > annualReportDueOn(lastYear) && !f.reportedYears.includes(lastYear)) {
    out.push({
      kind: FindingKind.ANNUAL_REPORT_MISSING,
      agency,
      subjectId: `${f.agencyId}:${lastYear}`,
      since: dayAfter(annualReportDueOn(lastYear)),
      detail: `${lastYear} 年度行政执法数据应于 ${annualReportDueOn(lastYear)} 前公开，尚未发布 / annual report for ${lastYear} missing`,
    });
  }
  return out;
}
