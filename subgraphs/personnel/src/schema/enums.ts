import { registerEnumType } from 'type-graphql';

import { AgencyKind, CredentialStatus, OfficerRole } from '../rules/kinds.js';
import { NoticeState } from '../rules/supervision.js';

/**
 * The GraphQL names of the rules' enums, registered once here: rules/ stays free of GraphQL, and every
 * schema file takes its enums from this module, so the registration runs before any type uses them.
 */
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: '机关类型 Kind of agency',
  valuesConfig: {
    PLANNING: { description: '城乡规划局' },
    JUSTICE: { description: '司法局' },
    CULTURE_TOURISM: { description: '文化和旅游局' },
    MARKET_REGULATION: { description: '市场监督管理局' },
    NATURAL_RESOURCES: { description: '国土局' },
    HEALTH: { description: '卫计委' },
    COMPREHENSIVE: { description: '综合执法局' },
    TOWNSHIP: { description: '乡镇人民政府' },
    OTHER: { description: '其他' },
  },
});

registerEnumType(OfficerRole, {
  name: 'OfficerRole',
  description: '人员职责 Officer duty',
  valuesConfig: {
    ENFORCEMENT: { description: '执法人员 enforcement officer' },
    LEGAL_REVIEWER: { description: '法制审核人员 legal reviewer' },
  },
});

registerEnumType(CredentialStatus, {
  name: 'CredentialStatus',
  description: '证件状态 Credential status',
  valuesConfig: {
    VALID: { description: '有效' },
    SUSPENDED: { description: '暂扣' },
    REVOKED: { description: '吊销/注销' },
    EXPIRED: { description: '过期' },
  },
});

registerEnumType(NoticeState, {
  name: 'NoticeState',
  description: '整改通知状态 Notice state',
  valuesConfig: {
    OPEN: { description: '待整改' },
    OVERDUE: { description: '逾期未回复' },
    ANSWERED: { description: '已回复' },
    ANSWERED_LATE: { description: '逾期回复' },
  },
});

export { AgencyKind, CredentialStatus, NoticeState, OfficerRole };
