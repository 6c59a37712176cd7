import { type Context, isUuid, requireId } from '@tsp/shared';

import type { ListingEntity } from '../entities/index.js';
import type { DiscretionBenchmarkData } from '../rules/discretion-benchmark.js';
import { ListingKind } from '../rules/kinds.js';
import { type ListingView, view } from './listings.js';
import { load } from './loaders.js';

/** A benchmark as served: the list entry's view plus whether it is still on the list. */
export type DiscretionBenchmarkView = ListingView<DiscretionBenchmarkData> & { active: boolean };

export function benchmarkView(l: ListingEntity): DiscretionBenchmarkView {
  return { ...view<DiscretionBenchmarkData>(l), active: l.active };
}

const agencyBenchmarks = (ctx: Context, agencyId: string) =>
  load.listings(ctx, ListingKind.DISCRETION_BENCHMARK).load(agencyId);

/** 裁量基准 An agency's published benchmarks, oldest first (one statement per request, however many agencies). */
export async function discretionBenchmarks(ctx: Context, agencyId: string): Promise<DiscretionBenchmarkView[]> {
  return (await agencyBenchmarks(ctx, requireId('agency', agencyId))).map(benchmarkView);
}

/**
 * A benchmark by id, retired ones included (`active: false`: a decision made under it can still be checked
 * against what was published); null for a malformed id, an unknown one, or another kind of entry.
 */
export async function discretionBenchmark(ctx: Context, id: string): Promise<DiscretionBenchmarkView | null> {
  if (!isUuid(id)) return null;
  const l = await load.listing(ctx).load(id.toLowerCase());
  return l && l.kind === ListingKind.DISCRETION_BENCHMARK ? benchmarkView(l) : null;
}

/** The published benchmarks of one enforcement item: its agency's list, filtered (batched by agency). */
export async function itemBenchmarks(
  ctx: Context,
  item: { id: string; agencyId: string },
): Promise<DiscretionBenchmarkView[]> {
  const all = await agencyBenchmarks(ctx, item.agencyId);
  return all.filter((l) => (l.data as DiscretionBenchmarkData).enforcementItemId === item.id).map(benchmarkView);
}
