import { badInput, benchmarkProblem, type Context, EnforcementCategory, isUuid, requireId } from '@tsp/shared';

import { ListingEntity } from '../entities/index.js';
import { benchmarkView, type DiscretionBenchmarkView } from '../read/discretion-benchmarks.js';
import {
  BENCHMARKS_PER_ITEM_MAX,
  cleanBenchmark,
  type DiscretionBenchmarkDraft,
} from '../rules/discretion-benchmark.js';
import { ListingKind } from '../rules/kinds.js';
import type { EnforcementItemData } from '../rules/listings.js';
import { listWriter } from './listings.js';
import { saveListing } from './save-listing.js';

/**
 * 行政处罚裁量基准 Creates (no id) or changes the discretion benchmark of one of the agency's penalty items; each
 * change is a new version. Nothing is written unless the benchmark is well formed (`benchmarkProblem`) and names
 * an active PENALTY item of the same agency's list.
 */
export async function upsertDiscretionBenchmark(
  ctx: Context,
  agencyId: string,
  input: DiscretionBenchmarkDraft,
  id?: string | null,
): Promise<DiscretionBenchmarkView> {
  const a = listWriter(ctx, agencyId);
  const data = cleanBenchmark(input);
  const problem = benchmarkProblem(data);
  if (problem) throw badInput(problem.field, problem.why);
  await requirePenaltyItem(ctx, a, data.enforcementItemId);
  const entryId = id && requireId('discretion benchmark', id);
  await requireRoomOnItem(ctx, a, data.enforcementItemId, entryId || null);
  return benchmarkView(
    await saveListing(ctx.em, {
      agencyId: a,
      kind: ListingKind.DISCRETION_BENCHMARK,
      id: entryId,
      data,
      actor: ctx.identity.sub!,
    }),
  );
}

/** A benchmark belongs to an item on the agency's own list, still listed, and a penalty item (its tiers are penalties). */
async function requirePenaltyItem(ctx: Context, agencyId: string, itemId: string): Promise<void> {
  const item = isUuid(itemId)
    ? await ctx.em.findOne(ListingEntity, { id: itemId, agencyId, kind: ListingKind.ENFORCEMENT_ITEM, active: true })
    : null;
  if (!item)
    throw badInput('enforcementItemId', 'names no active enforcement item of this agency / 非本机关有效的行政执法事项');
  if ((item.data as EnforcementItemData).category !== EnforcementCategory.PENALTY)
    throw badInput('enforcementItemId', 'benchmarks are for penalty items / 裁量基准仅适用于行政处罚事项');
}

/** An item lists a bounded number of benchmarks (one per violation it covers), so the public list stays cheap. */
async function requireRoomOnItem(
  ctx: Context,
  agencyId: string,
  itemId: string,
  entryId: string | null,
): Promise<void> {
  const others = await ctx.em.count(ListingEntity, {
    agencyId,
    kind: ListingKind.DISCRETION_BENCHMARK,
    active: true,
    data: { enforcementItemId: itemId },
    ...(entryId ? { id: { $ne: entryId } } : {}),
  });
  if (others >= BENCHMARKS_PER_ITEM_MAX)
    throw badInput('enforcementItemId', `an item lists at most ${BENCHMARKS_PER_ITEM_MAX} benchmarks / 裁量基准过多`);
}
