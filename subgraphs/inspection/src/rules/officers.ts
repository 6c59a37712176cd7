/**
 * 检查人员 An inspection is made by at least two officers holding valid enforcement credentials (行政处罚法 §42, §55;
 * 国办发〔2024〕54号 二: 严禁未取得执法证件的人员实施行政检查). Checked when planned, approved and started, against the
 * credential as it stands on that day; an officer the credential check cannot confirm does not count (fail closed).
 */
export const MIN_OFFICERS = 2;

export interface OfficerCheck {
  officerId: string;
  /** The officer's agency, null when personnel does not know the officer. */
  agencyId: string | null;
  valid: boolean;
  reason: string | null;
}

/** The problems with an inspection team; empty when it may inspect. `agencyIds`: the lead and joint agencies. */
export function teamProblems(
  officerIds: readonly string[],
  checks: readonly OfficerCheck[],
  agencyIds: readonly string[],
): string[] {
  const problems: string[] = [];
  const distinct = [...new Set(officerIds)];
  if (distinct.length < MIN_OFFICERS)
    problems.push(`at least ${MIN_OFFICERS} different officers / 检查人员不得少于两人`);
  for (const id of distinct) {
    const c = checks.find((x) => x.officerId === id);
    if (!c || c.agencyId === null) problems.push(`${id}: unknown officer / 未知人员`);
    else if (!agencyIds.includes(c.agencyId)) problems.push(`${id}: not an officer of the inspecting agencies`);
    else if (!c.valid) problems.push(`${id}: no valid credential (${c.reason ?? 'invalid'}) / 无有效执法证件`);
  }
  return problems;
}

/**
 * 联合检查 A joint inspection is several agencies in one visit (综合查一次): each of them, the lead and every partner,
 * has at least one officer of its own on the team. Otherwise the lead could name an agency that takes no part, and
 * inspect that agency's items (清单之外无检查) and spend its yearly routine visits without it. The agencies without
 * one, in the order given; empty when every agency takes part.
 */
export function agenciesWithoutOfficer(team: readonly { agencyId: string }[], agencyIds: readonly string[]): string[] {
  return agencyIds.filter((a) => !team.some((m) => m.agencyId === a));
}
