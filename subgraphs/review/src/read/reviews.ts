import type { FilterQuery } from '@mikro-orm/core';
import {
  badInput,
  type Context,
  pageArgs,
  requireId,
  requireUser,
  scopeWhere,
  shanghaiDate,
  toPage,
} from '@tsp/shared';

import { LegalReviewEntity } from '../entities/index.js';
import { type ReviewStatus, WITH_LEGAL_OFFICE } from '../rules/status.js';

export interface ReviewFilterLike {
  agencyId?: string | null;
  caseId?: string | null;
  reviewerId?: string | null;
  status?: ReviewStatus[] | null;
  overdue?: boolean | null;
}

/** Cursor key of the list order (newest first). */
const listKey = (r: LegalReviewEntity) => `${r.createdAt.toISOString()}|${r.id}`;

/** 法制审核列表 Reviews the caller may read, newest first, one statement per page. */
export async function listReviews(
  ctx: Context,
  filter: ReviewFilterLike | null | undefined,
  first?: number | null,
  after?: string | null,
) {
  requireUser(ctx.identity);
  const page = pageArgs(first, after);
  const and: FilterQuery<LegalReviewEntity>[] = [scopeWhere(ctx.identity)];
  if (filter?.agencyId) and.push({ agencyId: requireId('agency', filter.agencyId) });
  if (filter?.caseId) and.push({ caseId: requireId('case', filter.caseId) });
  if (filter?.reviewerId) and.push({ reviewerId: requireId('reviewer', filter.reviewerId) });
  if (filter?.status?.length) and.push({ status: { $in: filter.status } });
  if (filter?.overdue != null) {
    const overdue: FilterQuery<LegalReviewEntity> = {
      status: { $in: [...WITH_LEGAL_OFFICE] },
      dueOn: { $lt: shanghaiDate() },
    };
    and.push(filter.overdue ? overdue : { $not: overdue });
  }
  if (page.after) {
    const [at, id] = page.after.split('|');
    const when = new Date(at);
    if (!id || Number.isNaN(when.getTime())) throw badInput('after', 'not a cursor of this list');
    and.push({ $or: [{ createdAt: { $lt: when } }, { createdAt: when, id: { $lt: id } }] });
  }
  const rows = await ctx.em.find(
    LegalReviewEntity,
    { $and: and },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.limit + 1 },
  );
  return toPage(rows, page.limit, listKey);
}
