/** 公示状态 Status of a publication. EXPIRED is derived at read time from the publication period. */
export enum PublicationStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

/** 公示类型 What is published. */
export enum PublicationKind {
  DECISION = 'DECISION',
  INSPECTION_RESULT = 'INSPECTION_RESULT',
}

/** 撤回原因类型 Why a publication is taken down (行政处罚法 §48: changed, revoked, confirmed illegal or void). */
export enum WithdrawalTrigger {
  DECISION_CHANGED = 'DECISION_CHANGED',
  DECISION_REVOKED = 'DECISION_REVOKED',
  CONFIRMED_ILLEGAL = 'CONFIRMED_ILLEGAL',
  CONFIRMED_VOID = 'CONFIRMED_VOID',
  OTHER = 'OTHER',
}

/** Triggers that carry the 3-working-day withdrawal deadline. */
export const DEADLINE_TRIGGERS: ReadonlySet<WithdrawalTrigger> = new Set([
  WithdrawalTrigger.DECISION_CHANGED,
  WithdrawalTrigger.DECISION_REVOKED,
  WithdrawalTrigger.CONFIRMED_ILLEGAL,
  WithdrawalTrigger.CONFIRMED_VOID,
]);

/** 修订动作 What a revision records. */
export enum RevisionAction {
  DRAFTED = 'DRAFTED',
  NOT_PUBLISHABLE = 'NOT_PUBLISHABLE',
  PUBLISHED = 'PUBLISHED',
  CORRECTED = 'CORRECTED',
  WITHDRAWAL_REQUIRED = 'WITHDRAWAL_REQUIRED',
  WITHDRAWN = 'WITHDRAWN',
}

/** 事前公开清单类型 Kinds of ex-ante list entries (one versioned store for all). */
export enum ListingKind {
  ENFORCEMENT_ITEM = 'ENFORCEMENT_ITEM',
  RANDOM_INSPECTION_ITEM = 'RANDOM_INSPECTION_ITEM',
  SERVICE_GUIDE = 'SERVICE_GUIDE',
  BODY_INFORMATION = 'BODY_INFORMATION',
  PROCESS = 'PROCESS',
  DISCRETION_BENCHMARK = 'DISCRETION_BENCHMARK',
}
