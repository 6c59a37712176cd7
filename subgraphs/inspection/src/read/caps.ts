import type { EntityManager } from '@mikro-orm/postgresql';
import { type Context, requireText } from '@tsp/shared';

import { RegionCapsEntity } from '../entities/index.js';
import { DEFAULT_CAPS, type FrequencyCaps } from '../rules/caps.js';

/** The caps in force in each region: its own, else the defaults (one statement for all of them). */
export async function capsOfRegions(
  em: EntityManager,
  regions: readonly string[],
): Promise<Map<string, FrequencyCaps>> {
  const rows = await em.find(RegionCapsEntity, { region: { $in: [...regions] } });
  return new Map(
    regions.map((region) => {
      const row = rows.find((r) => r.region === region);
      const caps = row
        ? {
            perDay: row.perDay,
            perWeek: row.perWeek,
            perMonth: row.perMonth,
            routinePerAgencyYear: row.routinePerAgencyYear,
          }
        : DEFAULT_CAPS;
      return [region, caps];
    }),
  );
}

/** The caps in force in a region. */
export async function capsOf(em: EntityManager, region: string): Promise<FrequencyCaps> {
  return (await capsOfRegions(em, [region])).get(region)!;
}

/** 检查频次上限（公开） The caps in force in a region (published, so enterprises know them). */
export async function inspectionCaps(ctx: Context, region: string) {
  const r = requireText('region', region, 100);
  return { region: r, ...(await capsOf(ctx.em, r)) };
}
