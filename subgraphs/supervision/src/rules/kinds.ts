/** 投诉 a complaint about one's own rights and interests; 举报 a report of wrongdoing, which may be anonymous. */
export enum ComplaintKind {
  COMPLAINT = 'COMPLAINT',
  REPORT = 'REPORT',
}

/** Where a complaint stands. */
export enum ComplaintStatus {
  /** 已提交 received, waiting for the bureau's triage */
  SUBMITTED = 'SUBMITTED',
  /** 不予受理 rejected by the bureau, with its reason (final) */
  REJECTED = 'REJECTED',
  /** 已受理 accepted, not yet sent to the agency */
  ACCEPTED = 'ACCEPTED',
  /** 已交办 sent to the agency, its answer due */
  ASSIGNED = 'ASSIGNED',
  /** 已答复 the agency answered */
  ANSWERED = 'ANSWERED',
  /** 已办结 the bureau concluded */
  CLOSED = 'CLOSED',
}

/** What the bureau or the agency does to a complaint. */
export enum ComplaintAction {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
  ASSIGN = 'ASSIGN',
  ANSWER = 'ANSWER',
  CLOSE = 'CLOSE',
  REOPEN = 'REOPEN',
}
