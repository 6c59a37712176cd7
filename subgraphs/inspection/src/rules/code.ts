import { InspectionStatus } from './kinds.js';

/**
 * 检查码 What an inspection code proves when the enterprise scans it ("扫码入企", 国办发〔2024〕54号): that an approved
 * inspection by these officers, on these items, is valid today. The code is shown before the visit and stays
 * readable afterwards so the enterprise can rate it.
 */
export enum CodeState {
  /** 有效 Approved, and today is inside the window (or the visit has started). */
  VALID = 'VALID',
  /** 未批准 Not approved: the enterprise may refuse the visit. */
  NOT_APPROVED = 'NOT_APPROVED',
  /** 未到期 Approved for a later day. */
  NOT_YET_VALID = 'NOT_YET_VALID',
  /** 已过期 The window passed without the visit starting. */
  EXPIRED = 'EXPIRED',
  /** 已结束 The visit is over (the enterprise may rate it). */
  FINISHED = 'FINISHED',
  /** 已取消 Cancelled. */
  CANCELLED = 'CANCELLED',
}

/** The longest window an inspection may be approved for, in calendar days (first to last day). */
export const MAX_WINDOW_DAYS = 31;

export function codeState(i: {
  status: InspectionStatus;
  approvedAt: Date | null;
  validFrom: string;
  validUntil: string;
  today: string;
}): CodeState {
  switch (i.status) {
    case InspectionStatus.CANCELLED:
      return CodeState.CANCELLED;
    case InspectionStatus.FINISHED:
      return CodeState.FINISHED;
    case InspectionStatus.IN_PROGRESS:
      // An urgent visit started before its approval shows as such until the head approves it.
      return i.approvedAt ? CodeState.VALID : CodeState.NOT_APPROVED;
    case InspectionStatus.PLANNED:
      return CodeState.NOT_APPROVED;
    case InspectionStatus.APPROVED:
      if (i.today < i.validFrom) return CodeState.NOT_YET_VALID;
      if (i.today > i.validUntil) return CodeState.EXPIRED;
      return CodeState.VALID;
  }
}

/** Null when a window is well formed: first ≤ last, at most MAX_WINDOW_DAYS long. */
export function windowProblem(validFrom: string, validUntil: string): string | null {
  if (validUntil < validFrom) return 'validUntil is before validFrom / 截止日期早于开始日期';
  const days = (Date.parse(validUntil) - Date.parse(validFrom)) / 86_400_000 + 1;
  if (days > MAX_WINDOW_DAYS) return `a window is at most ${MAX_WINDOW_DAYS} days / 检查期限不超过${MAX_WINDOW_DAYS}日`;
  return null;
}

/**
 * Null when a visit may start on `today`: a day of its window. This holds for an urgent visit started before its
 * approval too (情况紧急 is leave to skip the wait for the head, not the window planned): otherwise an "urgent" plan
 * could start any day after its window passed, or before it opened, with no approval at all.
 */
export function startDayProblem(i: { validFrom: string; validUntil: string }, today: string): string | null {
  if (today < i.validFrom || today > i.validUntil)
    return `planned for ${i.validFrom}…${i.validUntil}, not ${today} / 不在检查期限内`;
  return null;
}

/** A code as the platform issues them (22 base64url characters) or longer; anything else is not looked up. */
export function isWellFormedCode(code: string): boolean {
  return /^[A-Za-z0-9_-]{16,64}$/.test(code);
}
