import { EnforcementCategory, type PenaltyKind, type WorkingCalendar } from '@tsp/shared';

import type { RecordActivity } from './kinds.js';

/**
 * 送达期限 行政处罚法 §61: the decision document is handed to the party on the spot when the decision
 * is announced; a party not present is served within 7 days under the Civil Procedure Law.
 * §85 makes "七日" there working days.
 */
export const SERVICE_WORKING_DAYS = 7;

/** 送达 Activities that serve the decision document (direct, by posting, by retention). */
export const SERVICE_ACTIVITIES: ReadonlySet<`${RecordActivity}`> = new Set([
  'SERVICE',
  'SERVICE_BY_POSTING',
  'SERVICE_BY_RETENTION',
] as const);

export const isServiceActivity = (a: RecordActivity) => SERVICE_ACTIVITIES.has(a);

export interface ServiceFacts {
  /** The case's category. */
  category: EnforcementCategory;
  penaltyKinds: readonly PenaltyKind[];
  decidedOn: string;
  /** 当事人是否在场; null when not recorded (legacy, imported, or not given). */
  partyPresent: boolean | null;
}

/**
 * The last day the decision may be served, or null where §61 sets no limit: only a decision that
 * imposes a penalty (a 行政处罚决定书; a PENALTY case decided with no penalty kind ends with a
 * different document). Party present: served on the spot, due the decision day. Party absent —
 * or presence unknown: 7 working days is the longest the law allows in either case, so it is the
 * only limit that can be checked without knowing; assuming "present" would report a lawful
 * service on day 3 as late.
 */
export function serviceDueOn(d: ServiceFacts, cal: WorkingCalendar): string | null {
  if (d.category !== EnforcementCategory.PENALTY || d.penaltyKinds.length === 0) return null;
  return d.partyPresent === true ? d.decidedOn : cal.addWorkingDays(d.decidedOn, SERVICE_WORKING_DAYS);
}

/**
 * 送达 When the decision counts as served once an entry of `activity` at `occurredAt` is recorded: the
 * first service entry after the decision (行政处罚法 §61 serves the 行政处罚决定书). Service entries before
 * the decision serve other documents (e.g. 事先告知书, §44), so they do not count. Unchanged otherwise.
 */
export function decisionServedAt(
  c: { decided: boolean; servedAt: Date | null },
  activity: RecordActivity,
  occurredAt: Date,
): Date | null {
  if (c.decided && isServiceActivity(activity) && (c.servedAt === null || occurredAt < c.servedAt)) return occurredAt;
  return c.servedAt;
}

/** 送达超期 Not served and past the due day (the day after due is the first overdue day). */
export function isServiceOverdue(s: { dueOn: string | null; servedOn: string | null }, today: string): boolean {
  return s.dueOn !== null && s.servedOn === null && today > s.dueOn;
}
