/**
 * 企业评价 "扫码入企": after the visit the enterprise rates it once, with the code it was shown (Shenzhen's 监督码,
 * Shanghai's 检查码). A rating is 1–5 with an optional comment; it may be given from the finish until this many days
 * later, so a rating speaks of a visit the enterprise remembers.
 */
export const RATING_WINDOW_DAYS = 30;
export const MAX_COMMENT = 500;

/** Null when a rating may be given now, else why not. */
export function ratingProblem(r: {
  status: 'FINISHED' | string;
  finishedAt: Date | null;
  alreadyRated: boolean;
  score: number;
  now: Date;
}): { field: string; message: string } | null {
  if (!Number.isInteger(r.score) || r.score < 1 || r.score > 5)
    return { field: 'score', message: 'must be a whole number from 1 to 5 / 评分为1至5分' };
  if (r.status !== 'FINISHED' || !r.finishedAt)
    return { field: 'code', message: 'the inspection has not finished yet / 检查结束后方可评价' };
  if (r.now.getTime() > r.finishedAt.getTime() + RATING_WINDOW_DAYS * 86_400_000)
    return { field: 'code', message: `ratings close ${RATING_WINDOW_DAYS} days after the visit / 评价期已过` };
  if (r.alreadyRated)
    return { field: 'code', message: 'this code has already rated the visit / 每个检查码只能评价一次' };
  return null;
}
