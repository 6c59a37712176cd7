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

/**
 * Descriptions of the root types, which type-graphql cannot describe; every subgraph prints the
 * same ones (schema.ts), so composition keeps them without a hint.
 */
export const ROOT_DESCRIPTIONS = {
  Query: '查询 Reads: public lists and, with a token, what its role may see',
  Mutation: '变更 Writes; every one honours an Idempotency-Key header',
} as const;
