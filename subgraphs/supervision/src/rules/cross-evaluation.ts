/**
 * 交叉评查 Case files are evaluated by officers of other agencies of the region, never by the agency that made them
 * (the provinces' 案卷评查 practice of 交叉评查, so that nobody marks their own work). Why an officer may not evaluate
 * a case, or null.
 */
export function evaluatorProblem(
  officer: { agencyId: string; region: string } | null,
  evaluated: { agencyId: string; region: string },
): string | null {
  if (!officer) return 'no such officer / 无此人员';
  if (officer.region !== evaluated.region)
    return 'the evaluator must belong to an agency of the plan’s region / 评查人员应为本地区执法机关人员';
  if (officer.agencyId === evaluated.agencyId)
    return 'an evaluator never scores their own agency’s case file (交叉评查) / 不得评查本机关案卷';
  return null;
}
