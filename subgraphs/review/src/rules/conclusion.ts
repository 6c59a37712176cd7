import { badInput, type EnforcementCategory, forbidden } from '@tsp/shared';

import { assertPassable, type ChecklistAnswer } from './checklist.js';
import { ReviewOutcome } from './status.js';

/** 审核结论 Only the reviewer who took the review signs its opinion (the form names one reviewer). */
export function assertConcludingReviewer(f: { officerId: string; reviewerId: string | null }): void {
  if (f.reviewerId !== f.officerId)
    throw forbidden('only the reviewer who started this review may conclude it / 仅本案审核人可作出结论');
}

/**
 * PASS needs the whole form answered the lawful way; RETURN and FAIL need the reviewer's written
 * opinion, so the handler knows what to supplement or why the proposal cannot stand.
 */
export function assertConclusion(
  outcome: ReviewOutcome,
  category: EnforcementCategory,
  form: readonly ChecklistAnswer[],
  opinion: string | null,
): void {
  if (outcome === ReviewOutcome.PASS) assertPassable(category, form);
  else if (!opinion)
    throw badInput(
      'opinion',
      `${outcome} needs the reviewer's opinion: what is wrong and what to supplement / 退回或不通过须写明审核意见`,
    );
}
