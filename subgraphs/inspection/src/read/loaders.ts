import { alignMany, alignOne, type Context } from '@tsp/shared';

import {
  EnterpriseEntity,
  InspectionEntity,
  InspectionItemEntity,
  InspectionScopeEntity,
  InspectionTargetEntity,
} from '../entities/index.js';

/** Per-request batches: one statement per kind of row, whatever the number of inspections on the page. */
export const load = {
  inspection: (ctx: Context) =>
    ctx.loaders.get<string, InspectionEntity | null>('inspection', async (ids) =>
      alignOne(ids, await ctx.em.find(InspectionEntity, { id: { $in: [...ids] } }), (i) => i.id),
    ),
  targets: (ctx: Context) =>
    ctx.loaders.get<string, InspectionTargetEntity[]>('inspectionTargets', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(
          InspectionTargetEntity,
          { inspectionId: { $in: [...ids] } },
          { orderBy: { enterpriseId: 'asc' } },
        ),
        (t) => t.inspectionId,
      ),
    ),
  scope: (ctx: Context) =>
    ctx.loaders.get<string, InspectionScopeEntity[]>('inspectionScope', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(InspectionScopeEntity, { inspectionId: { $in: [...ids] } }, { orderBy: { itemId: 'asc' } }),
        (s) => s.inspectionId,
      ),
    ),
  enterprise: (ctx: Context) =>
    ctx.loaders.get<string, EnterpriseEntity | null>('enterprise', async (ids) =>
      alignOne(ids, await ctx.em.find(EnterpriseEntity, { id: { $in: [...ids] } }), (e) => e.id),
    ),
  item: (ctx: Context) =>
    ctx.loaders.get<string, InspectionItemEntity | null>('item', async (ids) =>
      alignOne(ids, await ctx.em.find(InspectionItemEntity, { id: { $in: [...ids] } }), (i) => i.id),
    ),
};
