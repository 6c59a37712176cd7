/**
 * 较大数额 What a "large" fine or confiscation is, per party type. Each agency may set its own
 * numbers (`setReviewSettings`); these defaults follow 《市场监督管理行政处罚听证办法》(2021) 第五条:
 * 对自然人处以一万元以上、对法人或者其他组织处以十万元以上罚款 (and the same amounts for 没收违法所得、
 * 没收非法财物), the figures most provincial hearing rules also use for 较大数额.
 */
export interface LargeAmounts {
  naturalPerson: string;
  organization: string;
}

export const DEFAULT_LARGE_AMOUNTS: LargeAmounts = { naturalPerson: '10000.00', organization: '100000.00' };

/** 审核期限 Default review time limits in working days (an agency sets its own): 5, and 10 for complex cases. */
export const DEFAULT_REVIEW_DAYS = { normal: 5, complex: 10 } as const;
export const MAX_REVIEW_DAYS = 30;
