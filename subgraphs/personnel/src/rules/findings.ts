import { addCalendarDays, type Finding, FindingKind } from '@tsp/shared';

import { effectiveStatus } from './credentials.js';
import { CredentialStatus, type StoredCredentialStatus } from './kinds.js';
import type { Staffing } from './staffing.js';

/** Credentials expiring within this many days are a finding (issue: personnelFindings). */
export const EXPIRY_WARNING_DAYS = 30;

export interface PersonnelFacts {
  agencyId: string;
  staffing: Staffing;
  credentials: { number: string; officerName: string; expiresOn: string; status: StoredCredentialStatus }[];
  /** Every officer of the agency (enforcement officers and legal reviewers both train every year). */
  officers: { id: string; name: string; trainingHoursLastYear: number }[];
  today: string;
  now: Date;
}

/** 人员监督发现 Personnel findings for one agency, from plain facts. */
export function personnelFindings(f: PersonnelFacts): Finding[] {
  const agency = { id: f.agencyId };
  const out: Finding[] = [];
  if (!f.staffing.compliant) {
    out.push({
      kind: FindingKind.REVIEWER_STAFFING_BELOW_MINIMUM,
      agency,
      subjectId: f.agencyId,
      since: f.now,
      detail: `法制审核人员 ${f.staffing.legalReviewers} 名，应不少于 ${f.staffing.required} 名（执法人员 ${f.staffing.enforcementOfficers} 名的5%且不少于1名）`,
    });
  }
  const horizon = addCalendarDays(f.today, EXPIRY_WARNING_DAYS);
  for (const c of f.credentials) {
    // Suspended or revoked credentials are not "about to expire": they are already out of use.
    if (effectiveStatus(c, f.today) === CredentialStatus.VALID && c.expiresOn <= horizon) {
      out.push({
        kind: FindingKind.CREDENTIAL_EXPIRING,
        agency,
        subjectId: c.number,
        since: startOfDay(addCalendarDays(c.expiresOn, -EXPIRY_WARNING_DAYS)),
        detail: `${c.officerName} 的执法证 ${c.number} 将于 ${c.expiresOn} 到期 / expires within ${EXPIRY_WARNING_DAYS} days`,
      });
    }
  }
  for (const o of f.officers) {
    if (o.trainingHoursLastYear > 0) continue;
    out.push({
      kind: FindingKind.NO_TRAINING_LAST_YEAR,
      agency,
      subjectId: o.id,
      since: startOfDay(`${f.today.slice(0, 4)}-01-01`),
      detail: `${o.name} 上一年度无培训记录 / no training hours last year`,
    });
  }
  return out;
}

/** Midnight of a calendar day in Asia/Shanghai: when a day-based finding began. */
function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}
