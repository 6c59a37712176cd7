import { type Finding, FindingKind } from '@tsp/shared';

import { isOverdue } from './complaint.js';
import type { ComplaintStatus } from './kinds.js';

/** What the findings need to know about one complaint. */
export interface ComplaintFact {
  id: string;
  agencyId: string;
  status: ComplaintStatus;
  dueOn: string | null;
  reopenCount: number;
  firstReopenedAt: Date | null;
}

const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * 投诉举报监督发现 行政执法监督条例 makes the bureau follow up what it sent to the agencies: a complaint not answered
 * by its due day (COMPLAINT_OVERDUE), and one whose answer did not settle it, so the bureau sent it back
 * (COMPLAINT_REOPENED, once per complaint however often).
 */
export function complaintFindings(facts: readonly ComplaintFact[], today: string): Finding[] {
  const out: Finding[] = [];
  for (const c of facts) {
    const agency = { id: c.agencyId };
    if (isOverdue(c, today))
      out.push({
        kind: FindingKind.COMPLAINT_OVERDUE,
        agency,
        subjectId: c.id,
        since: startOfDay(nextDay(c.dueOn!)),
        detail: `投诉举报应于 ${c.dueOn} 前答复 / the complaint's answer was due by ${c.dueOn}`,
      });
    if (c.reopenCount > 0 && c.firstReopenedAt)
      out.push({
        kind: FindingKind.COMPLAINT_REOPENED,
        agency,
        subjectId: c.id,
        since: c.firstReopenedAt,
        detail: `答复后被司法局退回重新办理 ${c.reopenCount} 次 / sent back after the agency's answer ${c.reopenCount}×`,
      });
  }
  return out;
}
