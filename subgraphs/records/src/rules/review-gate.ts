/** What review's `decisionReviewCheck` query answers: whether the decision is major and a PASSED review covers it. */
export interface ReviewCheckFacts {
  major: boolean;
  reasons: string[];
  covered: boolean;
  problem: string | null;
}

/**
 * 未经法制审核或者审核未通过的，不得作出决定 (行政处罚法 §58): a major decision is recorded only
 * when a PASSED review of the case covers it. Review decides "major" and "covered"; this decides
 * what they mean for the write. Returns why not, or null.
 */
export function reviewGateProblem(c: ReviewCheckFacts): string | null {
  if (!c.major || c.covered) return null;
  const why = [c.problem, c.reasons.length ? `major because: ${c.reasons.join('; ')}` : null]
    .filter(Boolean)
    .join('; ');
  return `重大执法决定须经法制审核通过 / a major decision needs a PASSED legal review of this case that covers it${why ? ` (${why})` : ''}`;
}
