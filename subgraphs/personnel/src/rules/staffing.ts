/**
 * 法制审核人员配备 Legal reviewers must be at least 5% of the agency's enforcement officers (国办发〔2018〕118号:
 * 法制审核人员原则上不少于本单位执法人员总数的5%) and never fewer than 1, so a small agency still has one.
 */
export const REVIEWER_PERCENT = 5;
export const REVIEWER_MINIMUM = 1;

export interface Staffing {
  enforcementOfficers: number;
  legalReviewers: number;
  required: number;
  compliant: boolean;
}

export function reviewerStaffing(enforcementOfficers: number, legalReviewers: number): Staffing {
  // Integer arithmetic, so a multiple of 20 can never round up through a floating-point remainder.
  const required = Math.max(REVIEWER_MINIMUM, Math.ceil((enforcementOfficers * REVIEWER_PERCENT) / 100));
  return { enforcementOfficers, legalReviewers, required, compliant: legalReviewers >= required };
}
