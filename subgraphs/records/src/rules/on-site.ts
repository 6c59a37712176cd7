import { RecordActivity } from './kinds.js';

/**
 * 现场执法 Activities carried out on site: at least two officers with credentials
 * (行政处罚法 §42 执法人员不得少于两人, §55 调查或者检查时执法人员不得少于两人).
 */
export const ON_SITE_ACTIVITIES: ReadonlySet<RecordActivity> = new Set([
  RecordActivity.ON_SITE_INSPECTION,
  RecordActivity.RANDOM_INSPECTION,
  RecordActivity.EVIDENCE_COLLECTION,
  RecordActivity.EVIDENCE_PRESERVATION,
  RecordActivity.COERCIVE_MEASURE,
]);

export const MIN_ON_SITE_OFFICERS = 2;

/** Why the officers are not enough for this activity, or null. `officerIds` are distinct. */
export function twoOfficersProblem(activity: RecordActivity, officerIds: readonly string[]): string | null {
  if (!ON_SITE_ACTIVITIES.has(activity)) return null;
  const n = new Set(officerIds).size;
  if (n >= MIN_ON_SITE_OFFICERS) return null;
  return `${activity} is an on-site activity: at least ${MIN_ON_SITE_OFFICERS} officers must act, ${n} named / 现场执法人员不得少于两人（行政处罚法第四十二条、第五十五条）`;
}
