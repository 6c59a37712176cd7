import type { WorkingCalendar } from '@tsp/shared';

/**
 * 行政许可期限 Deadlines of a licensing case (行政许可法). Filing (立案) is the day the application was received.
 * §32: within 5 days of receipt the agency accepts it, refuses it (不予受理) or tells the applicant at once everything
 * that is missing (一次性告知补正); if it does not, the application counts as accepted from the day of receipt.
 * §42: the decision is made within 20 days of acceptance; the agency head may approve 10 more days, and the
 * applicant is told why. §82: these 日 are working days (official calendar: statutory holidays and make-up days).
 */

/** §32: days from receipt to the agency's answer (accept, refuse, or ask for missing materials). */
export const ACCEPTANCE_WORKING_DAYS = 5;
/** §42: days from acceptance to the decision. */
export const LICENSING_DECISION_WORKING_DAYS = 20;
/** §42: the most an extension approved by the agency head may add. */
export const LICENSING_EXTENSION_WORKING_DAYS = 10;

/** What the deadlines depend on: the filing day and the day of the first ACCEPTANCE entry (null: none yet). */
export interface ApplicationFacts {
  filedOn: string;
  acceptedOn: string | null;
}

/** §32: the last day for the agency's answer. */
export function acceptanceDueOn(filedOn: string, cal: WorkingCalendar): string {
  return cal.addWorkingDays(filedOn, ACCEPTANCE_WORKING_DAYS);
}

/**
 * The day the §42 period runs from: the acceptance day when it was recorded in time; otherwise the filing day,
 * since §32 deems an application not answered within 5 working days accepted from receipt (a late acceptance
 * cannot buy the agency more time, and one never recorded is deemed made on receipt).
 */
export function acceptedFrom(f: ApplicationFacts, cal: WorkingCalendar): string {
  return f.acceptedOn !== null && f.acceptedOn <= acceptanceDueOn(f.filedOn, cal) ? f.acceptedOn : f.filedOn;
}

/** §42: the last day for the decision, without an extension. */
export function licensingDecisionDueOn(f: ApplicationFacts, cal: WorkingCalendar): string {
  return cal.addWorkingDays(acceptedFrom(f, cal), LICENSING_DECISION_WORKING_DAYS);
}

/** §42: the latest day an extension may set: 20 + 10 working days from acceptance. */
export function latestExtendedDueOn(f: ApplicationFacts, cal: WorkingCalendar): string {
  return cal.addWorkingDays(acceptedFrom(f, cal), LICENSING_DECISION_WORKING_DAYS + LICENSING_EXTENSION_WORKING_DAYS);
}

/**
 * Why an extension of a licensing decision to `newDueOn` is not allowed, or null. The acceptance must be recorded
 * first (it fixes the day the 20 days run from), and the new day may be at most 10 working days after the 20th.
 * The general checks (later than the current due day, undecided, a reason) are extensionProblem's (rules/deadlines.ts).
 */
export function licensingExtensionProblem(f: ApplicationFacts, newDueOn: string, cal: WorkingCalendar): string | null {
  if (f.acceptedOn === null)
    return 'record the application’s ACCEPTANCE first: the 20 working days run from it / 请先记录受理（行政许可法第三十二条）';
  const latest = latestExtendedDueOn(f, cal);
  if (newDueOn > latest)
    return `a licensing decision may be extended by at most ${LICENSING_EXTENSION_WORKING_DAYS} working days, to ${latest} / 延长期限不得超过十日（行政许可法第四十二条）`;
  return null;
}

/**
 * 受理超期 The agency did not answer within 5 working days: its first answer (an ACCEPTANCE entry, or the decision
 * itself when it decided without one, e.g. on the spot under §34) came after the due day, or there is none and the
 * due day has passed. A late answer stays a finding: §32's deemed acceptance cures the applicant's position, not
 * the agency's delay.
 */
export function isAcceptanceOverdue(
  a: { dueOn: string | null; acceptedOn: string | null; decidedOn: string | null },
  today: string,
): boolean {
  if (a.dueOn === null) return false;
  const answeredOn = a.acceptedOn ?? a.decidedOn;
  return answeredOn !== null ? answeredOn > a.dueOn : today > a.dueOn;
}

/** 许可决定超期 Undecided past the decision due day (the day after it is the first overdue day). */
export function isLicensingDecisionOverdue(d: { dueOn: string | null; decided: boolean }, today: string): boolean {
  return d.dueOn !== null && !d.decided && today > d.dueOn;
}
