import { InspectionStatus } from './kinds.js';

/** What can be done to an inspection. */
export enum InspectionAction {
  APPROVE = 'APPROVE',
  START = 'START',
  FINISH = 'FINISH',
  CANCEL = 'CANCEL',
}

/**
 * 检查程序 Which action is allowed in which status. Every inspection is approved by the agency head before it starts
 * (国办发〔2024〕54号; 司法部《有关问题解答》: 检查前报请行政执法主体负责人批准); an urgent one that had to
 * start on the spot (情况紧急、需要当场实施) starts first and is approved afterwards (补办手续). Only what has not started
 * can be cancelled.
 */
const ALLOWED: Record<InspectionAction, (s: InspectionStatus, urgent: boolean, approved: boolean) => boolean> = {
  [InspectionAction.APPROVE]: (s, urgent, approved) =>
    !approved && (s === InspectionStatus.PLANNED || (urgent && s === InspectionStatus.IN_PROGRESS)),
  [InspectionAction.START]: (s, urgent) =>
    s === InspectionStatus.APPROVED || (urgent && s === InspectionStatus.PLANNED),
  [InspectionAction.FINISH]: (s) => s === InspectionStatus.IN_PROGRESS,
  [InspectionAction.CANCEL]: (s) => s === InspectionStatus.PLANNED || s === InspectionStatus.APPROVED,
};

/** Null when the action is allowed, else why not (bilingual, for the refusal). */
export function transitionProblem(
  action: InspectionAction,
  s: { status: InspectionStatus; urgent: boolean; approvedAt: Date | null },
): string | null {
  if (ALLOWED[action](s.status, s.urgent, s.approvedAt !== null)) return null;
  if (action === InspectionAction.START && s.status === InspectionStatus.PLANNED)
    return 'not approved by the agency head yet / 检查未经行政执法主体负责人批准，不得实施';
  return `cannot ${action.toLowerCase()} an inspection that is ${s.status} / 当前状态不允许此操作`;
}

/** The status an allowed action leads to (approving an urgent inspection already started leaves it started). */
export function statusAfter(action: InspectionAction, current: InspectionStatus): InspectionStatus {
  switch (action) {
    case InspectionAction.APPROVE:
      return current === InspectionStatus.IN_PROGRESS ? current : InspectionStatus.APPROVED;
    case InspectionAction.START:
      return InspectionStatus.IN_PROGRESS;
    case InspectionAction.FINISH:
      return InspectionStatus.FINISHED;
    case InspectionAction.CANCEL:
      return InspectionStatus.CANCELLED;
  }
}
