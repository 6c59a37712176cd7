import { registerEnumType } from 'type-graphql';

/** 公示状态 Status of a publication. EXPIRED is derived at read time from the publication period. */
export enum PublicationStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}
registerEnumType(PublicationStatus, {
  name: 'PublicationStatus',
  description: '公示状态 Publication status',
  valuesConfig: {
    DRAFT: { description: '待审核发布 draft, not public' },
    PUBLISHED: { description: '已公示 published and on the public list' },
    WITHDRAWN: { description: '已撤回 withdrawn, off the public list' },
    EXPIRED: { description: '公示期满 publication period over, off the public list' },
  },
});

/** 公示类型 What is published. */
export enum PublicationKind {
  DECISION = 'DECISION',
  INSPECTION_RESULT = 'INSPECTION_RESULT',
}
registerEnumType(PublicationKind, {
  name: 'PublicationKind',
  description: '公示类型 Kind of publication',
  valuesConfig: {
    DECISION: { description: '执法决定 enforcement decision' },
    INSPECTION_RESULT: { description: '双随机抽查结果 random-inspection result' },
  },
});

/** 撤回原因类型 Why a publication is taken down (行政处罚法 §48: changed, revoked, confirmed illegal or void). */
export enum WithdrawalTrigger {
  DECISION_CHANGED = 'DECISION_CHANGED',
  DECISION_REVOKED = 'DECISION_REVOKED',
  CONFIRMED_ILLEGAL = 'CONFIRMED_ILLEGAL',
  CONFIRMED_VOID = 'CONFIRMED_VOID',
  OTHER = 'OTHER',
}
registerEnumType(WithdrawalTrigger, {
  name: 'WithdrawalTrigger',
  description: '撤回原因类型 Why a publication is withdrawn',
  valuesConfig: {
    DECISION_CHANGED: { description: '决定被变更 the decision was changed' },
    DECISION_REVOKED: { description: '决定被撤销 the decision was revoked' },
    CONFIRMED_ILLEGAL: { description: '被确认违法 confirmed illegal' },
    CONFIRMED_VOID: { description: '被确认无效 confirmed void' },
    OTHER: { description: '其他（如公示有误） other, e.g. published by mistake' },
  },
});

/** Triggers that carry the 3-working-day withdrawal deadline. */
export const DEADLINE_TRIGGERS: ReadonlySet<WithdrawalTrigger> = new Set([
  WithdrawalTrigger.DECISION_CHANGED, WithdrawalTrigger.DECISION_REVOKED, WithdrawalTrigger.CONFIRMED_ILLEGAL, WithdrawalTrigger.CONFIRMED_VOID,
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
registerEnumType(RevisionAction, {
  name: 'RevisionAction',
  description: '修订动作 What a revision records',
  valuesConfig: {
    DRAFTED: { description: '生成草稿 draft created from the recorded decision' },
    NOT_PUBLISHABLE: { description: '依法不予公开 may not be published (e.g. minor party)' },
    PUBLISHED: { description: '审核发布 checked and published' },
    CORRECTED: { description: '纠错 corrected' },
    WITHDRAWAL_REQUIRED: { description: '决定变更/撤销，须撤回 decision changed or revoked, withdrawal due' },
    WITHDRAWN: { description: '撤回 withdrawn' },
  },
});

/** 事前公开清单类型 Kinds of ex-ante list entries (one versioned store for all). */
export enum ListingKind {
  ENFORCEMENT_ITEM = 'ENFORCEMENT_ITEM',
  RANDOM_INSPECTION_ITEM = 'RANDOM_INSPECTION_ITEM',
  SERVICE_GUIDE = 'SERVICE_GUIDE',
  BODY_INFORMATION = 'BODY_INFORMATION',
  PROCESS = 'PROCESS',
}
registerEnumType(ListingKind, {
  name: 'ListingKind',
  description: '事前公开清单类型 Kind of ex-ante list entry',
  valuesConfig: {
    ENFORCEMENT_ITEM: { description: '行政执法事项 enforcement item' },
    RANDOM_INSPECTION_ITEM: { description: '随机抽查事项 random-inspection item' },
    SERVICE_GUIDE: { description: '服务指南 service guide' },
    BODY_INFORMATION: { description: '执法主体信息 body information' },
    PROCESS: { description: '执法流程 process steps of a category' },
  },
});
