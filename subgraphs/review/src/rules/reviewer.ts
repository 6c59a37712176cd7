import { forbidden } from '@tsp/shared';

/** What deciding who may review needs to know. */
export interface ReviewerFacts {
  /** The caller (token subject) and their token's agency. */
  officerId: string;
  tokenAgencyId: string | undefined;
  /** Personnel's facts about the caller; null when personnel has no such officer. */
  officer: { agencyId: string; roles: readonly string[]; legalProfessionQualified: boolean } | null;
  /** The review's agency and the case's handlers. */
  reviewAgencyId: string;
  handlerIds: readonly string[];
  /** Whether the caller has completed any review before. */
  hasCompletedReview: boolean;
}

/**
 * 谁可以审核 A LEGAL_REVIEWER of the same agency who is not a handler of the case; a first-time
 * reviewer (no earlier completed review) must hold the national legal professional qualification
 * (行政处罚法 §58). Throws FORBIDDEN with the reason.
 */
export function assertMayReview(f: ReviewerFacts): void {
  if (f.tokenAgencyId !== f.reviewAgencyId)
    throw forbidden("only a legal reviewer of the case's own agency may review it / 只能审核本机关案件");
  if (!f.officer || f.officer.agencyId !== f.reviewAgencyId)
    throw forbidden("the token's officer is not registered with this agency / 审核人员不属于本机关");
  if (!f.officer.roles.includes('LEGAL_REVIEWER'))
    throw forbidden('the officer is not a legal reviewer of the agency / 非法制审核人员');
  if (f.handlerIds.includes(f.officerId))
    throw forbidden('a handler of the case may not review it / 案件承办人不得审核本案');
  if (!f.hasCompletedReview && !f.officer.legalProfessionQualified)
    throw forbidden(
      'a first-time reviewer must hold the national legal professional qualification (法律职业资格, 行政处罚法第五十八条) / 初次从事法制审核的人员应当取得法律职业资格',
    );
}

/** 法制机构负责人签署 The countersigner is not the reviewer and not a handler of the case. */
export function assertMayCountersign(f: {
  officerId: string;
  reviewerId: string | null;
  handlerIds: readonly string[];
}): void {
  if (f.officerId === f.reviewerId)
    throw forbidden('the reviewer cannot countersign their own opinion / 审核人不能自行签署负责人意见');
  if (f.handlerIds.includes(f.officerId))
    throw forbidden('a handler of the case may not countersign its review / 承办人不得签署');
}
