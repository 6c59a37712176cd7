/**
 * Descriptions of entity types that several subgraphs declare. Composition hints when they
 * differ, so every subgraph takes them from here.
 */
export const ENTITY_DESCRIPTIONS = {
  Agency: '执法主体 Enforcement agency',
  Officer: '行政执法人员 Enforcement officer',
  EnforcementCase: '执法案件 Enforcement case',
  LegalReview: '法制审核 Legal review of a major decision',
  DecisionPublication: '执法决定公示 Publication of an enforcement decision',
} as const;
