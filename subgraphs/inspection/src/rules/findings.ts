import { type Finding, FindingKind, type WorkingCalendar } from '@tsp/shared';

import { capBreaches, capMessage, type FrequencyCaps, type Visit } from './caps.js';
import { InspectionKind, InspectionStatus } from './kinds.js';

/** An urgent inspection started on the spot is approved afterwards within this many working days (补办手续). */
export const APPROVAL_CATCH_UP_WORKING_DAYS = 1;
/** An inspection started is finished with its outcome within this many working days. */
export const OUTCOME_DUE_WORKING_DAYS = 5;
/** Routine visits to one enterprise by different agencies this close together should have been one joint visit. */
export const JOINT_WINDOW_DAYS = 30;
/** A rating at or below this is a finding (scores are 1–5). */
export const POOR_RATING = 2;

/** What the findings need to know about one inspection. */
export interface InspectionFact {
  id: string;
  agencyId: string;
  agencyIds: readonly string[];
  kind: InspectionKind;
  status: InspectionStatus;
  approvedAt: Date | null;
  startedAt: Date | null;
  /** Calendar day of the start in Asia/Shanghai. */
  startedOn: string | null;
  enterpriseIds: readonly string[];
  /** Each item inspected: its agency and when it left the list (null: still on it). */
  items: readonly { itemId: string; agencyId: string; retiredAt: Date | null }[];
  ratings: readonly { enterpriseId: string; score: number; ratedAt: Date }[];
}

export interface InspectionFindingFacts {
  /** The agency's inspections. */
  inspections: readonly InspectionFact[];
  /** Every started visit to the enterprises those inspections concern, any agency, with when it started. */
  visits: readonly (Visit & { startedAt: Date })[];
  caps: FrequencyCaps;
  cal: WorkingCalendar;
  today: string;
}

const endOfDay = (day: string) => new Date(`${day}T23:59:59.999+08:00`);
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * 涉企检查监督发现 国办发〔2024〕54号 asks supervision bodies to find 乱检查: inspecting without approval, outside the
 * published items, over the frequency caps, several agencies visiting one enterprise separately (多头检查, instead of
 * 综合查一次), visits the enterprise rated poorly, and inspections left without an outcome.
 */
export function inspectionFindings(f: InspectionFindingFacts): Finding[] {
  const out: Finding[] = [];
  for (const i of f.inspections) {
    if (!i.startedAt || !i.startedOn) continue;
    const agency = { id: i.agencyId };
    const approvalDue = f.cal.addWorkingDays(i.startedOn, APPROVAL_CATCH_UP_WORKING_DAYS);
    const approvedInTime = i.approvedAt !== null && i.approvedAt <= endOfDay(approvalDue);
    if (!approvedInTime && (i.approvedAt !== null || f.today > approvalDue))
      out.push({
        kind: FindingKind.INSPECTION_WITHOUT_APPROVAL,
        agency,
        subjectId: i.id,
        since: i.startedAt,
        detail: i.approvedAt
          ? `检查于 ${i.startedOn} 实施，批准补办晚于 ${approvalDue} / approved after the catch-up deadline`
          : `检查于 ${i.startedOn} 实施，未经负责人批准 / started without the agency head's approval`,
      });
    const outside = i.items.filter(
      (it) => !i.agencyIds.includes(it.agencyId) || (it.retiredAt && it.retiredAt <= i.startedAt!),
    );
    if (outside.length)
      out.push({
        kind: FindingKind.INSPECTION_OUTSIDE_ITEMS,
        agency,
        subjectId: i.id,
        since: i.startedAt,
        detail: `检查事项不在公布的清单上 / items not on the published list: ${outside.map((o) => o.itemId).join(', ')}`,
      });
    for (const enterpriseId of i.enterpriseIds) {
      const visit = { inspectionId: i.id, enterpriseId, agencyIds: i.agencyIds, kind: i.kind, day: i.startedOn };
      const before = f.visits.filter((v) => v.startedAt < i.startedAt!);
      const breaches = capBreaches(f.caps, visit, before);
      if (breaches.length)
        out.push({
          kind: FindingKind.INSPECTION_OVER_CAP,
          agency,
          subjectId: i.id,
          since: i.startedAt,
          detail: capMessage(breaches),
        });
      if (i.kind === InspectionKind.ROUTINE) {
        const windowStart = startOfDay(i.startedOn).getTime() - JOINT_WINDOW_DAYS * 86_400_000;
        const others = before.filter(
          (v) =>
            v.enterpriseId === enterpriseId &&
            v.kind === InspectionKind.ROUTINE &&
            !v.agencyIds.includes(i.agencyId) &&
            v.startedAt.getTime() >= windowStart,
        );
        if (others.length)
          out.push({
            kind: FindingKind.INSPECTIONS_NOT_JOINED,
            agency,
            subjectId: i.id,
            since: i.startedAt,
            detail:
              `企业 ${enterpriseId} 在 ${JOINT_WINDOW_DAYS} 日内被多个机关分别检查，宜综合查一次 / ` +
              `visited separately by other agencies within ${JOINT_WINDOW_DAYS} days: ` +
              others.map((o) => `${o.inspectionId} (${o.day})`).join(', '),
          });
      }
    }
    for (const r of i.ratings)
      if (r.score <= POOR_RATING)
        out.push({
          kind: FindingKind.INSPECTION_POORLY_RATED,
          agency,
          subjectId: i.id,
          since: r.ratedAt,
          detail: `企业评价 ${r.score}/5 / the enterprise ${r.enterpriseId} rated the visit ${r.score} of 5`,
        });
    if (i.status === InspectionStatus.IN_PROGRESS) {
      const due = f.cal.addWorkingDays(i.startedOn, OUTCOME_DUE_WORKING_DAYS);
      if (f.today > due)
        out.push({
          kind: FindingKind.INSPECTION_OUTCOME_OVERDUE,
          agency,
          subjectId: i.id,
          since: startOfDay(f.cal.addWorkingDays(due, 1)),
          detail: `检查结果应于 ${due} 前记录 / no outcome recorded by ${due}`,
        });
    }
  }
  return out;
}
