import { registerEnumType } from 'type-graphql';

import { CapKind } from '../rules/caps.js';
import { CodeState } from '../rules/code.js';
import { ItemAction } from '../rules/items.js';
import { InspectionKind, InspectionOutcome, InspectionStatus } from '../rules/kinds.js';

/** The GraphQL names of this subgraph's enums: import them from here so they are registered before use. */
export { CapKind, CodeState, InspectionKind, InspectionOutcome, InspectionStatus, ItemAction };

registerEnumType(ItemAction, {
  name: 'InspectionItemAction',
  description: '检查事项变更类型 What a version of an inspection item did',
  valuesConfig: {
    ADDED: { description: '新增 added to the list' },
    CHANGED: { description: '修改 changed' },
    RETIRED: { description: '移出清单 taken off the list' },
  },
});

registerEnumType(InspectionKind, {
  name: 'InspectionKind',
  description: '检查类型 Kind of inspection',
  valuesConfig: {
    ROUTINE: { description: '日常检查 routine, including 双随机 random inspections' },
    TARGETED: { description: '个案检查 after a complaint, a referral, data monitoring or the enterprise asking' },
    JOINT: { description: '联合检查 several agencies in one visit (综合查一次); counts once for the enterprise' },
  },
});

registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: '检查状态 Where an inspection stands',
  valuesConfig: {
    PLANNED: { description: '待批准 planned, waiting for the agency head' },
    APPROVED: { description: '已批准 approved by the agency head' },
    IN_PROGRESS: { description: '检查中 started at the enterprise' },
    FINISHED: { description: '已结束 finished with an outcome' },
    CANCELLED: { description: '已取消 cancelled before it started' },
  },
});

registerEnumType(InspectionOutcome, {
  name: 'InspectionOutcome',
  description: '检查结果 How an inspection ended',
  valuesConfig: {
    NO_PROBLEM: { description: '未发现问题 no problem found' },
    RECTIFICATION_ORDERED: { description: '责令整改 rectification ordered' },
    CASE_OPENED: { description: '立案查处 a case opened (linked)' },
  },
});

registerEnumType(CodeState, {
  name: 'InspectionCodeState',
  description: '检查码状态 What an inspection code proves today',
  valuesConfig: {
    VALID: { description: '有效 approved and inside its window (or under way)' },
    NOT_APPROVED: { description: '未批准 not approved: the enterprise may refuse the visit' },
    NOT_YET_VALID: { description: '未到期 approved for a later day' },
    EXPIRED: { description: '已过期 the window passed without a visit' },
    FINISHED: { description: '已结束 the visit is over; it may be rated' },
    CANCELLED: { description: '已取消 cancelled' },
  },
});

registerEnumType(CapKind, {
  name: 'InspectionCapKind',
  description: '检查频次上限类型 Which frequency cap',
  valuesConfig: {
    PER_DAY: { description: '每日 visits to one enterprise per day, all agencies' },
    PER_WEEK: { description: '每周 per calendar week' },
    PER_MONTH: { description: '每月 per calendar month' },
    ROUTINE_PER_AGENCY_YEAR: { description: '年度日常检查 routine visits by one agency per year' },
  },
});
