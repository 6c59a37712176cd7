/**
 * 检查类型 The kinds of enterprise inspection in 国办发〔2024〕54号 and 司法部《有关问题解答》: 日常检查 (routine, including
 * 双随机抽查), 个案检查 (targeted: after a complaint, a referral, data monitoring or the enterprise's request) and
 * 联合检查 (joint: several agencies in one visit, 综合查一次).
 */
export enum InspectionKind {
  ROUTINE = 'ROUTINE',
  TARGETED = 'TARGETED',
  JOINT = 'JOINT',
}

/** 检查状态 Where an inspection stands. */
export enum InspectionStatus {
  /** 待批准 Planned, waiting for the agency head's approval. */
  PLANNED = 'PLANNED',
  /** 已批准 Approved; its codes are valid from the window's first day. */
  APPROVED = 'APPROVED',
  /** 检查中 Started at the enterprise. */
  IN_PROGRESS = 'IN_PROGRESS',
  /** 已结束 Finished with an outcome. */
  FINISHED = 'FINISHED',
  /** 已取消 Cancelled before it started. */
  CANCELLED = 'CANCELLED',
}

/** 检查结果 How an inspection ended. */
export enum InspectionOutcome {
  /** 未发现问题 No problem found. */
  NO_PROBLEM = 'NO_PROBLEM',
  /** 责令整改 Rectification ordered. */
  RECTIFICATION_ORDERED = 'RECTIFICATION_ORDERED',
  /** 立案查处 A case opened (it links to the records case). */
  CASE_OPENED = 'CASE_OPENED',
}
