import { badInput } from '@tsp/shared';

import { DEADLINE_TRIGGERS, WithdrawalTrigger } from './kinds.js';

/**
 * 撤回 A published decision that was changed, revoked, confirmed illegal or void is taken down within 3 working
 * days of that event (行政处罚法 §48 第二款). Other withdrawals (e.g. published by mistake) carry no deadline.
 */

/** What a withdrawal is recorded as: the trigger given, else the one reported before, else OTHER. */
export function withdrawalTriggerOf(
  given: WithdrawalTrigger | null | undefined,
  reported: WithdrawalTrigger | null | undefined,
): WithdrawalTrigger {
  return given ?? reported ?? WithdrawalTrigger.OTHER;
}

/** Whether this withdrawal starts the §48 deadline: a deadline trigger, and no deadline running yet. */
export function startsWithdrawalDeadline(trigger: WithdrawalTrigger, dueOn: string | null | undefined): boolean {
  return DEADLINE_TRIGGERS.has(trigger) && !dueOn;
}

/** A reported change of the decision must be one of the §48 events; anything else is just a withdrawal. */
export function requireDeadlineTrigger(field: string, trigger: WithdrawalTrigger): WithdrawalTrigger {
  if (!DEADLINE_TRIGGERS.has(trigger))
    throw badInput(field, 'must be DECISION_CHANGED, DECISION_REVOKED, CONFIRMED_ILLEGAL or CONFIRMED_VOID');
  return trigger;
}

/** The day something happened cannot be after today (the deadline counts from it). */
export function requireNotFuture(field: string, day: string, today: string): string {
  if (day > today) throw badInput(field, 'is in the future');
  return day;
}
