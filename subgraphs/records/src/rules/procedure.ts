import { compareDecimal, PenaltyKind, type WorkingCalendar } from '@tsp/shared';

/**
 * 告知、陈述申辩与听证 The party's procedural rights before a penalty decision (行政处罚法 2021):
 * §44 the party is told the intended penalty, its facts, reasons and basis, and its rights; §45 its statement and
 * defence are heard, and defending never makes the penalty heavier; §62 no decision without §44–45 unless the party
 * expressly waived; §63 heavy penalties need a hearing offered; §64 the party asks within 5 days of the notice, is
 * told of the hearing 7 days before it, and the chair did not investigate the case; §85 these 日 are working days.
 * Pure rules: recordDecision gathers the facts (read/procedure-facts.ts) and refuses with PROCEDURE_REQUIRED.
 */

/** §64(一): a hearing is requested within 5 working days of the notice being served. */
export const HEARING_REQUEST_WORKING_DAYS = 5;
/** §64(二): the party is told of the hearing at least 7 working days before it. */
export const HEARING_NOTICE_WORKING_DAYS = 7;
/**
 * The statement-and-defence period where an agency sets none: 5 working days, the same as the hearing-request
 * window, so one notice gives the party one clear deadline for both.
 */
export const DEFAULT_STATEMENT_WORKING_DAYS = 5;

/** Bounds of an agency's statement-and-defence period: no shorter than the hearing window, no longer than 3 weeks. */
export const STATEMENT_WORKING_DAYS_RANGE = { min: 3, max: 15 } as const;

/** Why a statement period is not acceptable, or null. */
export function statementPeriodProblem(days: number): string | null {
  const { min, max } = STATEMENT_WORKING_DAYS_RANGE;
  return Number.isInteger(days) && days >= min && days <= max
    ? null
    : `must be a whole number of working days from ${min} to ${max} / 陈述申辩期限须为${min}至${max}个工作日`;
}

export interface PenaltyTerms {
  penaltyKinds: readonly PenaltyKind[];
  fineAmount: string | null;
  confiscationAmount: string | null;
}

const ALWAYS_HEARING: readonly PenaltyKind[] = [
  PenaltyKind.QUALIFICATION_DOWNGRADE,
  PenaltyKind.LICENCE_REVOCATION,
  PenaltyKind.BUSINESS_SUSPENSION,
  PenaltyKind.EMPLOYMENT_RESTRICTION,
];

/**
 * §63: whether the party must be offered a hearing: a heavy kind of penalty, or a large fine or confiscation
 * (`largeAmount`, judged by review against the agency's 较大数额 so that the threshold lives in one place).
 */
export function hearingEligible(t: PenaltyTerms, largeAmount: boolean): boolean {
  return largeAmount || t.penaltyKinds.some((k) => ALWAYS_HEARING.includes(k));
}

/** §45: the decision is no heavier than the notice announced: no new kind, no larger amount. */
export function heavierThanNotice(decision: PenaltyTerms, notice: PenaltyTerms): boolean {
  if (decision.penaltyKinds.some((k) => !notice.penaltyKinds.includes(k))) return true;
  const larger = (d: string | null, n: string | null) => d !== null && (n === null || compareDecimal(d, n) > 0);
  return (
    larger(decision.fineAmount, notice.fineAmount) || larger(decision.confiscationAmount, notice.confiscationAmount)
  );
}

export interface NoticeFacts extends PenaltyTerms {
  servedOn: string;
  hearingOffered: boolean;
  statementWorkingDays: number;
}

/** The last day of the statement period and of the hearing-request window of a notice (§45, §64(一), §85). */
export function noticeDeadlines(
  n: Pick<NoticeFacts, 'servedOn' | 'statementWorkingDays'>,
  cal: WorkingCalendar,
): { statementDueOn: string; hearingRequestDueOn: string } {
  return {
    statementDueOn: cal.addWorkingDays(n.servedOn, n.statementWorkingDays),
    hearingRequestDueOn: cal.addWorkingDays(n.servedOn, HEARING_REQUEST_WORKING_DAYS),
  };
}

export interface ProcedureFacts {
  decision: PenaltyTerms & { decidedOn: string };
  /** The decision's fine or confiscation reaches the agency's 较大数额 (from review). */
  largeAmount: boolean;
  /** The latest notice served, if any (a new notice replaces the earlier one). */
  notice: NoticeFacts | null;
  /** The first express waiver of statement, defence and hearing after the notice (§62). */
  waivedOn: string | null;
  /** The day the party asked for a hearing, if it did. */
  hearingRequestedOn: string | null;
  /** The latest hearing; `noticeServedOn` is the latest hearing notice before it (null: none recorded). */
  hearing: { chairOfficerId: string; noticeServedOn: string | null; heldOn: string; recorded: boolean } | null;
  investigatorIds: readonly string[];
}

export enum ProcedureReason {
  NO_NOTICE = 'NO_NOTICE',
  PERIOD_NOT_ELAPSED = 'PERIOD_NOT_ELAPSED',
  HEAVIER_THAN_NOTICE = 'HEAVIER_THAN_NOTICE',
  HEARING_NOT_OFFERED = 'HEARING_NOT_OFFERED',
  HEARING_NOT_HELD = 'HEARING_NOT_HELD',
  HEARING_IMPROPER = 'HEARING_IMPROPER',
}

/** Null when a penalty decision may be made now, else the first rule it breaks and why. */
export function procedureProblem(
  f: ProcedureFacts,
  cal: WorkingCalendar,
): { reason: ProcedureReason; why: string } | null {
  const n = f.notice;
  if (!n)
    return { reason: ProcedureReason.NO_NOTICE, why: 'no prior notice served (§44, §62) / 未送达行政处罚事先告知书' };
  // A decision dated before the notice was made without it, whatever was recorded afterwards.
  if (f.decision.decidedOn < n.servedOn)
    return {
      reason: ProcedureReason.NO_NOTICE,
      why: `the decision is dated before the notice served on ${n.servedOn} (§44, §62) / 决定日期早于事先告知送达日`,
    };
  if (heavierThanNotice(f.decision, n))
    return {
      reason: ProcedureReason.HEAVIER_THAN_NOTICE,
      why: 'heavier than the notice announced: serve a new notice (§44–45) / 重于告知内容，须重新告知',
    };
  const eligible = hearingEligible(f.decision, f.largeAmount);
  if (eligible && !n.hearingOffered)
    return {
      reason: ProcedureReason.HEARING_NOT_OFFERED,
      why: 'the notice did not offer the hearing §63 requires / 未告知听证权利',
    };
  const { statementDueOn: statementDue, hearingRequestDueOn: requestDue } = noticeDeadlines(n, cal);
  // The waiver answers this notice and precedes the decision it opens the way to.
  const waived = f.waivedOn !== null && f.waivedOn >= n.servedOn && f.waivedOn <= f.decision.decidedOn;
  // A hearing the notice offered is owed once asked for, even where §63 would not require it.
  const hearingOwed = eligible || n.hearingOffered;
  const lastDay = hearingOwed && requestDue > statementDue ? requestDue : statementDue;
  if (!waived && f.decision.decidedOn <= lastDay)
    return {
      reason: ProcedureReason.PERIOD_NOT_ELAPSED,
      why: `the party has until ${lastDay} to state, defend or ask for a hearing / 陈述申辩期限至${lastDay}`,
    };
  const requested =
    hearingOwed &&
    f.hearingRequestedOn !== null &&
    f.hearingRequestedOn >= n.servedOn &&
    f.hearingRequestedOn <= requestDue;
  if (!requested) return null;
  const h = f.hearing;
  // Held on this notice (not an earlier one it superseded) and before the decision.
  if (!h || h.heldOn < n.servedOn || h.heldOn > f.decision.decidedOn)
    return {
      reason: ProcedureReason.HEARING_NOT_HELD,
      why: 'the party asked for a hearing in time; hold it before deciding (§64–65) / 当事人已申请听证，须先组织听证',
    };
  if (f.investigatorIds.includes(h.chairOfficerId))
    return {
      reason: ProcedureReason.HEARING_IMPROPER,
      why: 'the hearing was chaired by an investigator of the case (§64(四)) / 听证主持人不得为本案调查人员',
    };
  if (h.noticeServedOn === null)
    return {
      reason: ProcedureReason.HEARING_IMPROPER,
      why: 'the party was never told of the hearing (§64(二)) / 未通知听证',
    };
  if (h.heldOn < cal.addWorkingDays(h.noticeServedOn, HEARING_NOTICE_WORKING_DAYS))
    return {
      reason: ProcedureReason.HEARING_IMPROPER,
      why: 'the party was told of the hearing less than 7 working days before (§64(二)) / 听证通知不足七日',
    };
  if (!h.recorded)
    return { reason: ProcedureReason.HEARING_IMPROPER, why: 'the hearing has no record (§64(八)) / 听证未制作笔录' };
  return null;
}
