import { registerEnumType } from 'type-graphql';

/** 机关类型 Kind of enforcement agency (domain.md § Actors). */
export enum AgencyKind {
  PLANNING = 'PLANNING',
  JUSTICE = 'JUSTICE',
  CULTURE_TOURISM = 'CULTURE_TOURISM',
  MARKET_REGULATION = 'MARKET_REGULATION',
  NATURAL_RESOURCES = 'NATURAL_RESOURCES',
  HEALTH = 'HEALTH',
  COMPREHENSIVE = 'COMPREHENSIVE',
  TOWNSHIP = 'TOWNSHIP',
  OTHER = 'OTHER',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: '机关类型 Kind of agency',
  valuesConfig: {
    PLANNING: { description: '城乡规划局' }, JUSTICE: { description: '司法局' }, CULTURE_TOURISM: { description: '文化和旅游局' },
    MARKET_REGULATION: { description: '市场监督管理局' }, NATURAL_RESOURCES: { description: '国土局' }, HEALTH: { description: '卫计委' },
    COMPREHENSIVE: { description: '综合执法局' }, TOWNSHIP: { description: '乡镇人民政府' }, OTHER: { description: '其他' },
  },
});

/** 人员职责 What an officer does. */
export enum OfficerRole {
  ENFORCEMENT = 'ENFORCEMENT',
  LEGAL_REVIEWER = 'LEGAL_REVIEWER',
}
registerEnumType(OfficerRole, {
  name: 'OfficerRole',
  description: '人员职责 Officer duty',
  valuesConfig: { ENFORCEMENT: { description: '执法人员 enforcement officer' }, LEGAL_REVIEWER: { description: '法制审核人员 legal reviewer' } },
});

/** 证件状态 Credential status; EXPIRED follows from the date and is never stored. */
export enum CredentialStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CredentialStatus, {
  name: 'CredentialStatus',
  description: '证件状态 Credential status',
  valuesConfig: { VALID: { description: '有效' }, SUSPENDED: { description: '暂扣' }, REVOKED: { description: '吊销/注销' }, EXPIRED: { description: '过期' } },
});
export type StoredCredentialStatus = Exclude<CredentialStatus, CredentialStatus.EXPIRED>;
