import type { WorkingCalendar } from '@tsp/shared';

import { InstrumentAction, InstrumentKind, InstrumentStatus } from './instrument-kinds.js';

/**
 * 监督意见书、监督决定书 行政执法监督条例 (国务院令第825号) lets the supervision body, on finding enforcement unlawful
 * or improper, issue a supervision opinion (the agency corrects and reports back) or, where it must be corrected,
 * a supervision decision (ordering correction, revocation or confirmation of illegality), with which the agency
 * must comply and report on within the time set. The bureau then accepts the report, or sends it back.
 */
const TRANSITIONS: Record<InstrumentAction, { from: readonly (InstrumentStatus | null)[]; to: InstrumentStatus }> = {
  [InstrumentAction.ISSUE]: { from: [null], to: InstrumentStatus.ISSUED },
  [InstrumentAction.RESPOND]: { from: [InstrumentStatus.ISSUED], to: InstrumentStatus.RESPONDED },
  [InstrumentAction.ACCEPT]: { from: [InstrumentStatus.RESPONDED], to: InstrumentStatus.CLOSED },
  [InstrumentAction.RETURN]: { from: [InstrumentStatus.RESPONDED], to: InstrumentStatus.ISSUED },
};

const DONE: Record<InstrumentAction, string> = {
  ISSUE: 'issued',
  RESPOND: 'responded to',
  ACCEPT: 'closed',
  RETURN: 'sent back',
};

/** Why `action` is not allowed on an instrument in `status` (null: not yet issued), or null when it is. */
export function instrumentTransitionProblem(action: InstrumentAction, status: InstrumentStatus | null): string | null {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return null;
  const from = t.from.map((s) => s ?? 'new').join(', ');
  return `an instrument that is ${status ?? 'new'} cannot be ${DONE[action]}; allowed from ${from} / 当前状态不允许此操作`;
}

/** The status after an allowed action. */
export function instrumentStatusAfter(action: InstrumentAction): InstrumentStatus {
  return TRANSITIONS[action].to;
}

/**
 * This platform's default time for the agency's response, in working days: the 条例 leaves the time to the
 * instrument, so these are our settings — shorter for a binding decision — and each issue may set its own.
 */
export const DEFAULT_RESPONSE_WORKING_DAYS: Record<InstrumentKind, number> = {
  [InstrumentKind.OPINION]: 15,
  [InstrumentKind.DECISION]: 10,
};
/** The range an issue may set (this platform's bounds). */
export const RESPONSE_WORKING_DAYS = { min: 5, max: 30 };

/**
 * The day the response is due: `workingDays` (default by kind) working days after `today` on the official calendar,
 * the day itself not counted; a problem when outside 5…30.
 */
export function responseDueOn(
  cal: WorkingCalendar,
  today: string,
  kind: InstrumentKind,
  workingDays?: number | null,
): { dueOn: string; workingDays: number } | { problem: string } {
  const n = workingDays ?? DEFAULT_RESPONSE_WORKING_DAYS[kind];
  if (!Number.isInteger(n) || n < RESPONSE_WORKING_DAYS.min || n > RESPONSE_WORKING_DAYS.max)
    return { problem: `must be ${RESPONSE_WORKING_DAYS.min}…${RESPONSE_WORKING_DAYS.max} working days` };
  return { dueOn: cal.addWorkingDays(today, n), workingDays: n };
}

/** Waiting for the agency and past its due day (the due day itself is still in time). */
export function isResponseOverdue(i: { status: InstrumentStatus; dueOn: string }, today: string): boolean {
  return i.status === InstrumentStatus.ISSUED && today > i.dueOn;
}

/** Bounds of the bureau's and the agency's text, in characters, and of the lists an instrument names. */
export const INSTRUMENT_LIMITS = {
  subject: 200,
  findings: 10_000,
  requirements: 5000,
  legalBasis: 1000,
  response: 5000,
  measures: 5000,
  note: 2000,
  caseIds: 50,
  findingRefs: 50,
  subjectId: 100,
};
