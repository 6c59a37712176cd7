import { LockMode } from '@mikro-orm/core';
import { AppError, badInput, type Context, optionalText } from '@tsp/shared';

import { InspectionEntity, InspectionTargetEntity } from '../entities/index.js';
import { publishInspectionEvent } from '../events/inspection-events.js';
import { isWellFormedCode } from '../rules/code.js';
import { MAX_COMMENT, ratingProblem } from '../rules/rating.js';

/** An unknown code: the same answer whether it never existed or was mistyped, and the code is not echoed. */
export const unknownCode = () =>
  new AppError('NOT_FOUND', 'no inspection has this code / 检查码无效', { field: 'code' });

/** The code as typed, bounded before it reaches SQL. */
export function cleanCode(code: string): string {
  const c = (code ?? '').trim();
  if (!isWellFormedCode(c)) throw unknownCode();
  return c;
}

/**
 * 企业评价 The enterprise rates the visit once with the code it was shown (no account: the code is the proof it was
 * there). The comment is kept for the agency and the bureau; the public answer and the events carry only the score.
 */
export async function rateInspection(
  ctx: Context,
  code: string,
  score: number,
  comment?: string | null,
): Promise<{ score: number; ratedAt: Date }> {
  const c = cleanCode(code);
  const text = optionalText('comment', comment, MAX_COMMENT);
  return ctx.em.transactional(async (tx) => {
    const t = await tx.findOne(InspectionTargetEntity, { code: c }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!t) throw unknownCode();
    const i = await tx.findOneOrFail(InspectionEntity, { id: t.inspectionId });
    const now = new Date();
    const p = ratingProblem({ status: i.status, finishedAt: i.finishedAt, alreadyRated: t.score !== null, score, now });
    if (p)
      throw p.field === 'score'
        ? badInput('score', p.message)
        : new AppError('INSPECTION_STATE', p.message, { field: 'code' });
    t.score = score;
    t.comment = text;
    t.ratedAt = now;
    await tx.flush();
    await publishInspectionEvent(tx, 'InspectionRated', i, { enterpriseId: t.enterpriseId, score });
    return { score, ratedAt: now };
  });
}
