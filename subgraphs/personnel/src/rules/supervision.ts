/** 整改通知状态 Notice states; GraphQL registration in schema/enums.ts. */
export enum NoticeState {
  OPEN = 'OPEN',
  OVERDUE = 'OVERDUE',
  ANSWERED = 'ANSWERED',
  ANSWERED_LATE = 'ANSWERED_LATE',
}

/** 整改通知 A notice's state on `today`, from plain data: answered on time or late, open or overdue. */
export function noticeState(n: { dueOn: string; respondedAt: Date | null }, today: string): NoticeState {
  if (n.respondedAt) {
    const answeredOn = new Date(n.respondedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    return answeredOn > n.dueOn ? NoticeState.ANSWERED_LATE : NoticeState.ANSWERED;
  }
  return today > n.dueOn ? NoticeState.OVERDUE : NoticeState.OPEN;
}

/** A summary period: from ≤ to, at most 3 years (keeps the summary a supervision view, not an export). */
export function periodProblem(from: string, to: string): string | null {
  if (from > to) return 'from must not be after to';
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > 366 * 3) return 'the period may span at most 3 years';
  return null;
}

/** 整改期限 A notice is due today or later: one due in the past would be overdue the moment it is issued. */
export function noticeDueProblem(dueOn: string, today: string): string | null {
  return dueOn < today ? 'must not be in the past' : null;
}

/** 整改回复 The agency answers a notice once: a second answer would overwrite what the supervisor has read. */
export function noticeResponseProblem(n: { respondedAt: Date | null }): string | null {
  return n.respondedAt ? 'already answered; responses are not overwritten' : null;
}
