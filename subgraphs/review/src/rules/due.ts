import type { WorkingCalendar } from '@tsp/shared';

import { DEFAULT_REVIEW_DAYS } from './thresholds.js';

export interface ReviewDays {
  normal: number;
  complex: number;
}

/** 审核期限 Due date: the N-th working day after the file was received (the day received is not counted). */
export function reviewDueOn(
  cal: WorkingCalendar,
  receivedOn: string,
  complex: boolean,
  days: ReviewDays = DEFAULT_REVIEW_DAYS,
): string {
  return cal.addWorkingDays(receivedOn, complex ? days.complex : days.normal);
}

/** Overdue: still with the legal office (not concluded) after the due day. */
export function isOverdue(r: { dueOn: string; open: boolean }, today: string): boolean {
  return r.open && today > r.dueOn;
}
