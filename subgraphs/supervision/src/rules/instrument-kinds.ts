/** 监督意见书 / 监督决定书 The two written instruments of 行政执法监督条例 (国务院令第825号). */
export enum InstrumentKind {
  /** 监督意见书 asks the agency to correct and report back. */
  OPINION = 'OPINION',
  /** 监督决定书 orders correction, revocation or confirmation of illegality; binding. */
  DECISION = 'DECISION',
}

/** Where an instrument stands. */
export enum InstrumentStatus {
  /** 待回复 issued (or returned), the agency's response due */
  ISSUED = 'ISSUED',
  /** 已回复 the agency responded, waiting for the bureau */
  RESPONDED = 'RESPONDED',
  /** 已办结 the bureau accepted the response (final) */
  CLOSED = 'CLOSED',
}

/** What the bureau or the agency does to an instrument. */
export enum InstrumentAction {
  ISSUE = 'ISSUE',
  RESPOND = 'RESPOND',
  /** The bureau accepts the response: closed. */
  ACCEPT = 'ACCEPT',
  /** The bureau does not accept it: back to the agency with a new due day. */
  RETURN = 'RETURN',
}

/** 通报 The bureau's public notice: 通报表扬 or 通报批评. */
export enum NoticeKind {
  COMMENDATION = 'COMMENDATION',
  CRITICISM = 'CRITICISM',
}
