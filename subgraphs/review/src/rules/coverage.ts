import { compareDecimal, type PenaltyKind } from '@tsp/shared';

/** What a PASSED review approved (its proposed decision). */
export interface ReviewedDecision {
  reviewId: string;
  penaltyKinds: readonly PenaltyKind[];
  fineAmount: string | null;
  confiscationAmount: string | null;
}

export interface ActualDecision {
  penaltyKinds: readonly PenaltyKind[];
  fineAmount?: string | null;
  confiscationAmount?: string | null;
}

/** Why a reviewed decision does not cover the actual one; null when it covers it. */
export function coverageProblem(reviewed: ReviewedDecision, d: ActualDecision): string | null {
  const extra = d.penaltyKinds.filter((k) => !reviewed.penaltyKinds.includes(k));
  if (extra.length) return `处罚种类 ${extra.join(', ')} 未经审核 / penalty kinds not reviewed: ${extra.join(', ')}`;
  const amount = (label: string, en: string, actual: string | null | undefined, approved: string | null) => {
    if (actual == null || compareDecimal(actual, '0') === 0) return null;
    if (approved == null) return `${label}未经审核 / ${en} not reviewed`;
    return compareDecimal(actual, approved) > 0
      ? `${label}${actual}元高于审核通过的${approved}元 / ${en} above the reviewed amount`
      : null;
  };
  return (
    amount('罚款', 'fine', d.fineAmount, reviewed.fineAmount) ??
    amount('没收金额', 'confiscation', d.confiscationAmount, reviewed.confiscationAmount)
  );
}

export interface Coverage {
  covered: boolean;
  reviewId: string | null;
  problem: string | null;
}

/**
 * 审核覆盖 A PASSED review covers a decision with the same or fewer penalty kinds and amounts no
 * higher than reviewed. `passed` is newest first; the first that covers wins, else the newest's problem.
 */
export function coverage(passed: readonly ReviewedDecision[], d: ActualDecision): Coverage {
  if (passed.length === 0)
    return {
      covered: false,
      reviewId: null,
      problem: '本案无审核通过的法制审核 / no PASSED legal review of this case',
    };
  for (const r of passed)
    if (coverageProblem(r, d) === null) return { covered: true, reviewId: r.reviewId, problem: null };
  return { covered: false, reviewId: null, problem: coverageProblem(passed[0], d) };
}
