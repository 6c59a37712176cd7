import { conflict } from '@tsp/shared';

/** 审核状态 Review status. */
export enum ReviewStatus {
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  PASSED = 'PASSED',
  RETURNED = 'RETURNED',
  FAILED = 'FAILED',
  COORDINATION = 'COORDINATION',
}

/** 审核结论 The reviewer's conclusion. */
export enum ReviewOutcome {
  PASS = 'PASS',
  RETURN = 'RETURN',
  FAIL = 'FAIL',
}

export type ReviewAction = 'start' | 'complete' | 'countersign' | 'escalate' | 'coordinate';

/**
 * Allowed status moves. A RETURNED review stays as it was (the returned form is a record); the
 * handler supplements the file and submits a new review of the case, linked to the old one.
 * A handler who disagrees with RETURNED or FAILED escalates once to COORDINATION, where the
 * agency head records the collective decision, which ends in PASSED, RETURNED or FAILED.
 */
const FROM: Record<ReviewAction, readonly ReviewStatus[]> = {
  start: [ReviewStatus.SUBMITTED],
  complete: [ReviewStatus.IN_REVIEW],
  countersign: [ReviewStatus.PASSED, ReviewStatus.RETURNED, ReviewStatus.FAILED],
  escalate: [ReviewStatus.RETURNED, ReviewStatus.FAILED],
  coordinate: [ReviewStatus.COORDINATION],
};

export const OPEN_STATUSES: readonly ReviewStatus[] = [
  ReviewStatus.SUBMITTED,
  ReviewStatus.IN_REVIEW,
  ReviewStatus.COORDINATION,
];

/** Reviews the legal office still holds: only these can be overdue. */
export const WITH_LEGAL_OFFICE: readonly ReviewStatus[] = [ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW];

export function outcomeStatus(o: ReviewOutcome): ReviewStatus {
  return o === ReviewOutcome.PASS
    ? ReviewStatus.PASSED
    : o === ReviewOutcome.RETURN
      ? ReviewStatus.RETURNED
      : ReviewStatus.FAILED;
}

/** CONFLICT unless `action` is allowed from `status`. */
export function assertTransition(status: ReviewStatus, action: ReviewAction): void {
  if (!FROM[action].includes(status))
    throw conflict(
      `cannot ${action} a review that is ${status}; allowed from ${FROM[action].join(', ')} / 当前状态不允许此操作`,
      { status },
    );
}

/** Escalation happens once: a review already decided by coordination cannot go back to it. */
export function assertCanEscalate(status: ReviewStatus, alreadyCoordinated: boolean): void {
  assertTransition(status, 'escalate');
  if (alreadyCoordinated)
    throw conflict('this review was already decided by the coordination mechanism / 已经协调决策', { status });
}
