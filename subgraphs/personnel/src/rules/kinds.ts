/** 机关类型 Kind of enforcement agency; GraphQL registration in schema/enums.ts. */
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

/** 人员职责 What an officer does. */
export enum OfficerRole {
  ENFORCEMENT = 'ENFORCEMENT',
  LEGAL_REVIEWER = 'LEGAL_REVIEWER',
}

/** 证件状态 Credential status; EXPIRED follows from the date and is never stored. */
export enum CredentialStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
export type StoredCredentialStatus = Exclude<CredentialStatus, CredentialStatus.EXPIRED>;
