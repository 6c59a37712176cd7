import { registerEnumType } from 'type-graphql';

import { ListingKind, PublicationKind, PublicationStatus, RevisionAction, WithdrawalTrigger } from '../rules/kinds.js';
import { NoticeKind } from '../rules/notice.js';

/** The GraphQL names of this subgraph's enums: import them from here so they are registered before use. */
export { ListingKind, NoticeKind, PublicationKind, PublicationStatus, RevisionAction, WithdrawalTrigger };

// The same enum as supervision's (its input names the kind): the values and descriptions must agree to compose.
registerEnumType(NoticeKind, {
  name: 'SupervisionNoticeKind',
  description: '通报类型 Commendation or criticism',
  valuesConfig: {
    COMMENDATION: { description: '通报表扬 commends the agencies named' },
    CRITICISM: { description: '通报批评 criticises the agencies named' },
  },
});

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

registerEnumType(PublicationKind, {
  name: 'PublicationKind',
  description: '公示类型 Kind of publication',
  valuesConfig: {
    DECISION: { description: '执法决定 enforcement decision' },
    INSPECTION_RESULT: { description: '双随机抽查结果 random-inspection result' },
  },
});

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

registerEnumType(ListingKind, {
  name: 'ListingKind',
  description: '事前公开清单类型 Kind of ex-ante list entry',
  valuesConfig: {
    ENFORCEMENT_ITEM: { description: '行政执法事项 enforcement item' },
    RANDOM_INSPECTION_ITEM: { description: '随机抽查事项 random-inspection item' },
    SERVICE_GUIDE: { description: '服务指南 service guide' },
    BODY_INFORMATION: { description: '执法主体信息 body information' },
    PROCESS: { description: '执法流程 process steps of a category' },
    DISCRETION_BENCHMARK: { description: '行政处罚裁量基准 penalty discretion benchmark of an enforcement item' },
  },
});
