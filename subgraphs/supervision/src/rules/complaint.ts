import { addCalendarDays, type WorkingCalendar } from '@tsp/shared';

import { ComplaintAction, ComplaintKind, ComplaintStatus } from './kinds.js';

/**
 * 投诉举报 The life of a complaint about enforcement (行政执法监督条例, 国务院令第825号, on complaints and reports
 * about administrative enforcement handled by the supervision body): the bureau accepts or rejects it, sends it to
 * the agency with a due day, the agency answers, the bureau concludes — or sends it back when the answer does not
 * settle it. 信访工作条例 §32 (办理信访事项应当自受理之日起60日内办结) is the outer limit; the bureau's own due
 * day for the agency (15 working days by default) sits well inside it.
 */
const TRANSITIONS: Record<ComplaintAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> = {
  // 信访工作条例 §22: the body decides whether to accept, and tells the complainant why it does not.
  [ComplaintAction.ACCEPT]: { from: [ComplaintStatus.SUBMITTED], to: ComplaintStatus.ACCEPTED },
  [ComplaintAction.REJECT]: { from: [ComplaintStatus.SUBMITTED], to: ComplaintStatus.REJECTED },
  // 交办: the agency concerned handles it and answers (信访工作条例 §31).
  [ComplaintAction.ASSIGN]: { from: [ComplaintStatus.ACCEPTED], to: ComplaintStatus.ASSIGNED },
  [ComplaintAction.ANSWER]: { from: [ComplaintStatus.ASSIGNED], to: ComplaintStatus.ANSWERED },
  // The bureau may conclude one it handled itself (never assigned) or once the agency answered.
  [ComplaintAction.CLOSE]: { from: [ComplaintStatus.ACCEPTED, ComplaintStatus.ANSWERED], to: ComplaintStatus.CLOSED },
  // 行政执法监督条例: the supervision body may order the agency to deal with it again (重新办理).
  [ComplaintAction.REOPEN]: { from: [ComplaintStatus.ANSWERED, ComplaintStatus.CLOSED], to: ComplaintStatus.ASSIGNED },
};

const DONE: Record<ComplaintAction, string> = {
  ACCEPT: 'accepted',
  REJECT: 'rejected',
  ASSIGN: 'assigned',
  ANSWER: 'answered',
  CLOSE: 'closed',
  REOPEN: 'reopened',
};

/** Why `action` is not allowed on a complaint in `status`, or null when it is. */
export function transitionProblem(action: ComplaintAction, status: ComplaintStatus): string | null {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return null;
  return `a complaint that is ${status} cannot be ${DONE[action]}; allowed from ${t.from.join(', ')} / 当前状态不允许此操作`;
}

/** The status after an allowed action. */
export function statusAfter(action: ComplaintAction): ComplaintStatus {
  return TRANSITIONS[action].to;
}

/** The bureau's default time for the agency's answer (its own setting, inside 信访工作条例 §32's 60 days). */
export const DEFAULT_DUE_WORKING_DAYS = 15;
/** At most this many working days for one answer. */
export const MAX_DUE_WORKING_DAYS = 40;
/** 信访工作条例 §32: concluded within 60 days of acceptance. */
export const OUTER_LIMIT_DAYS = 60;

/**
 * The day the agency's answer is due: `workingDays` working days after `today` on the official calendar (the day
 * itself not counted). On a first assignment the day must fall within 60 days of acceptance (信访工作条例 §32);
 * a reopened complaint is the bureau's own reconsideration and is not held to it (`acceptedOn` null).
 */
export function answerDueOn(
  cal: WorkingCalendar,
  today: string,
  workingDays: number,
  acceptedOn: string | null,
): { dueOn: string } | { problem: string } {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_DUE_WORKING_DAYS)
    return { problem: `must be 1…${MAX_DUE_WORKING_DAYS} working days` };
  const dueOn = cal.addWorkingDays(today, workingDays);
  if (acceptedOn) {
    const outer = addCalendarDays(acceptedOn, OUTER_LIMIT_DAYS);
    if (dueOn > outer)
      return {
        problem: `due ${dueOn} is after ${outer}, 60 days from acceptance (信访工作条例 §32); give fewer working days`,
      };
  }
  return { dueOn };
}

/** Assigned and not answered after its due day (the due day itself is still in time). */
export function isOverdue(c: { status: ComplaintStatus; dueOn: string | null }, today: string): boolean {
  return c.status === ComplaintStatus.ASSIGNED && c.dueOn !== null && today > c.dueOn;
}

/** Bounds of the public form, in characters. */
export const COMPLAINT_LIMITS = { subject: 200, content: 5000, name: 50, phone: 20, caseNumber: 64, text: 5000 };

export interface Complainant {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 公民身份号码 GB 11643-1999: 17 digits and the ISO 7064 MOD 11-2 check character. */
export function isIdNumber(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const sum = ID_WEIGHTS.reduce((n, w, i) => n + w * Number(s[i]), 0);
  return ID_CHECK[sum % 11] === s[17];
}

/** A phone as people write it: digits with spaces, dashes or a leading +, 7 to 15 digits. */
export function isPhone(s: string): boolean {
  return /^\+?[\d\s-]+$/.test(s) && /^\d{7,15}$/.test(s.replace(/[\s+-]/g, ''));
}

/**
 * Who complains: a 投诉 names the complainant (name and phone, so the bureau can answer and ask back); only a 举报
 * may be anonymous (信访工作条例 does not require a name for reporting wrongdoing), and then carries no identity at
 * all. The problem names the field, or null.
 */
export function complainantProblem(
  kind: ComplaintKind,
  anonymous: boolean,
  c: Complainant,
): { field: string; message: string } | null {
  if (anonymous) {
    if (kind !== ComplaintKind.REPORT) return { field: 'anonymous', message: 'only a report (举报) may be anonymous' };
    for (const [field, v] of Object.entries(c))
      if (v) return { field, message: 'an anonymous report carries no identity; leave it empty' };
    return null;
  }
  if (!c.name) return { field: 'name', message: 'required unless the report is anonymous' };
  if (!c.phone) return { field: 'phone', message: 'required unless the report is anonymous' };
  if (!isPhone(c.phone)) return { field: 'phone', message: 'not a phone number' };
  if (c.idNumber && !isIdNumber(c.idNumber)) return { field: 'idNumber', message: 'not a valid ID number' };
  return null;
}
