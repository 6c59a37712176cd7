import { addCalendarDays, EnforcementCategory } from '@tsp/shared';

/** 行政处罚法 §60: a penalty case is decided within 90 days of filing unless extended. */
export const PENALTY_DECISION_DAYS = 90;

/** Decision due date for a case filed on `filedOn` (Shanghai day); null where the law sets none here. */
export function decisionDueOn(category: EnforcementCategory, filedOn: string): string | null {
  return category === EnforcementCategory.PENALTY ? addCalendarDays(filedOn, PENALTY_DECISION_DAYS) : null;
}

/** Why a deadline extension is not acceptable, or null. */
export function extensionProblem(
  c: { dueOn: string | null; decided: boolean },
  newDueOn: string,
  reason: string,
): string | null {
  if (c.dueOn === null) return 'this case has no decision deadline to extend / 该案件无办案期限';
  if (c.decided) return 'the decision has been made; nothing to extend / 已作出决定';
  if (newDueOn <= c.dueOn) return `newDueOn must be after the current due date ${c.dueOn} / 延长后的期限须晚于原期限`;
  if (reason.trim().length < 4) return 'reason: say why the case needs more time / 请说明延期理由';
  return null;
}

/** Overdue: past the due date with no decision (the day after due is the first overdue day). */
export function isOverdue(c: { dueOn: string | null; decided: boolean }, today: string): boolean {
  return c.dueOn !== null && !c.decided && today > c.dueOn;
}
