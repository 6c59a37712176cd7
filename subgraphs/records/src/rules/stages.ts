import { EnforcementCategory } from '@tsp/shared';

import { CaseStage, RecordActivity } from './kinds.js';

const ALL: readonly CaseStage[] = [
  CaseStage.FILING,
  CaseStage.INVESTIGATION,
  CaseStage.EVIDENCE,
  CaseStage.EXAMINATION,
  CaseStage.DECISION,
  CaseStage.SERVICE,
  CaseStage.EXECUTION,
  CaseStage.ARCHIVED,
];

/**
 * 案件流程 The stages each category goes through, in order; every stage on a path is required.
 * Licensing: 受理 → 审查 → 决定 → 送达 → 归档 (no investigation/evidence/execution phase, 行政许可法 §29–§44).
 * Inspection: 立案(检查任务) → 检查 → 处理结果 → 归档 (findings that need a penalty open a penalty case).
 * Penalty, coercion, expropriation and other cases use the full path.
 */
export const STAGE_PATHS: Record<EnforcementCategory, readonly CaseStage[]> = {
  PENALTY: ALL,
  COERCION: ALL,
  EXPROPRIATION: ALL,
  OTHER: ALL,
  LICENSING: [CaseStage.FILING, CaseStage.EXAMINATION, CaseStage.DECISION, CaseStage.SERVICE, CaseStage.ARCHIVED],
  INSPECTION: [CaseStage.FILING, CaseStage.INVESTIGATION, CaseStage.DECISION, CaseStage.ARCHIVED],
};

/** The stage after `current` on the category's path, or null at the end. */
export function nextStage(category: EnforcementCategory, current: CaseStage): CaseStage | null {
  const path = STAGE_PATHS[category];
  const i = path.indexOf(current);
  return i >= 0 && i + 1 < path.length ? path[i + 1] : null;
}

/**
 * 阶段顺序 An entry is recorded in the case's current stage or the next one on its path (which
 * advances the case). Going back, skipping a stage, or using a stage the category does not have
 * is refused; an archived case only takes notes (e.g. corrections).
 * Returns why not, or null.
 */
export function stageProblem(
  category: EnforcementCategory,
  current: CaseStage,
  target: CaseStage,
  activity?: RecordActivity,
): string | null {
  const path = STAGE_PATHS[category];
  const accept = acceptanceProblem(category, target, activity);
  if (accept) return accept;
  if (!path.includes(target))
    return `${category} cases have no ${target} stage (path: ${path.join(' → ')}) / 该类案件无此阶段`;
  if (current === CaseStage.ARCHIVED) {
    if (target === CaseStage.ARCHIVED && activity === RecordActivity.NOTE) return null;
    return 'the case is archived; only notes may be added / 案件已归档，只能添加备注';
  }
  if (target === current) return null;
  const next = nextStage(category, current);
  if (target === next) return null;
  const from = path.indexOf(current),
    to = path.indexOf(target);
  if (to < from) return `the case is at ${current}; it cannot go back to ${target} / 不能退回已完成的阶段`;
  return `the case is at ${current}; the next stage is ${next}, ${path.slice(from + 1, to).join(', ')} cannot be skipped / 不能跳过必经阶段`;
}

/**
 * 受理 (行政许可法 §32) answers a licensing application, so it belongs to licensing cases only, at FILING — the stage
 * of the application received (受理 → 审查 → 决定 …): after examination has begun there is nothing left to accept.
 */
function acceptanceProblem(category: EnforcementCategory, target: CaseStage, activity?: RecordActivity): string | null {
  if (activity !== RecordActivity.ACCEPTANCE) return null;
  if (category !== EnforcementCategory.LICENSING)
    return `ACCEPTANCE answers a licensing application; ${category} cases have none / 受理仅适用于行政许可案件`;
  if (target !== CaseStage.FILING)
    return `ACCEPTANCE is recorded at FILING (the application received), not ${target} / 受理应在立案（收到申请）阶段记录`;
  return null;
}

/** Activities that only their own mutation may record. */
export const RESERVED_ACTIVITIES: Partial<Record<RecordActivity, string>> = {
  [RecordActivity.FILING]: 'openCase',
  [RecordActivity.PRIOR_NOTICE]: 'servePriorNotice',
  [RecordActivity.HEARING]: 'recordHearing',
  [RecordActivity.DECISION]: 'recordDecision',
  [RecordActivity.ARCHIVE]: 'archiveCase',
};
