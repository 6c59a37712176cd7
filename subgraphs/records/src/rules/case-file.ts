import { EnforcementCategory } from '@tsp/shared';

/**
 * 案卷标准 Documents a case file must contain before it can be archived, by category
 * (defaults; each agency may configure its own per category).
 */
export const DEFAULT_CASE_FILE_REQUIREMENTS: Record<EnforcementCategory, readonly string[]> = {
  PENALTY: ['立案审批表', '调查笔录', '处罚决定书', '送达回证'],
  LICENSING: ['申请材料', '受理通知书', '许可决定书', '送达回证'],
  INSPECTION: ['现场检查笔录', '检查结果告知书'],
  COERCION: ['立案审批表', '现场笔录', '行政强制决定书', '送达回证'],
  EXPROPRIATION: ['征收决定书', '送达回证'],
  OTHER: [],
};

/** Required documents not among those the case's attachments carry (in required order). */
export function missingDocuments(
  required: readonly string[],
  present: readonly (string | null | undefined)[],
): string[] {
  const have = new Set(present.filter((d): d is string => !!d).map((d) => d.trim()));
  return required.filter((d) => !have.has(d));
}
