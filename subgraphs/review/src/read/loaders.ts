import { alignMany, alignOne, type Context } from '@tsp/shared';

import { CatalogRuleEntity, LegalReviewEntity, ReviewSettingsEntity } from '../entities/index.js';

/** Per-request batched reads: one statement per kind of read, whatever the list length. */
export const load = {
  review: (ctx: Context) =>
    ctx.loaders.get<string, LegalReviewEntity | null>('review', async (ids) =>
      alignOne(ids, await ctx.em.find(LegalReviewEntity, { id: { $in: [...ids] } }), (r) => r.id),
    ),

  /** Reviews of a case, newest first. */
  reviewsOfCase: (ctx: Context) =>
    ctx.loaders.get<string, LegalReviewEntity[]>('reviewsOfCase', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(
          LegalReviewEntity,
          { caseId: { $in: [...ids] } },
          { orderBy: { createdAt: 'desc', id: 'desc' } },
        ),
        (r) => r.caseId,
      ),
    ),

  /** Active catalogue rules of an agency. */
  catalog: (ctx: Context) =>
    ctx.loaders.get<string, CatalogRuleEntity[]>('catalog', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(
          CatalogRuleEntity,
          { agencyId: { $in: [...ids] }, active: true },
          { orderBy: { category: 'asc', description: 'asc', id: 'asc' } },
        ),
        (r) => r.agencyId,
      ),
    ),

  settings: (ctx: Context) =>
    ctx.loaders.get<string, ReviewSettingsEntity | null>('settings', async (ids) =>
      alignOne(ids, await ctx.em.find(ReviewSettingsEntity, { agencyId: { $in: [...ids] } }), (s) => s.agencyId),
    ),

  /** Whether each reviewer has completed (signed) a review before. */
  hasCompletedReview: (ctx: Context) =>
    ctx.loaders.get<string, boolean>('hasCompletedReview', async (ids) => {
      const rows: { reviewer_id: string }[] = await ctx.em.execute(
        `select distinct reviewer_id from review.legal_review where reviewer_id = any(?::uuid[]) and reviewer_signed_on is not null`,
        [`{${ids.join(',')}}`],
      );
      return ids.map((id) => rows.some((r) => r.reviewer_id === id));
    }),
};
