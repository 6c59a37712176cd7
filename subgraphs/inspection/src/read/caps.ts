import type { EntityManager } from '@mikro-orm/postgresql';
import { type Context, requireText } from '@tsp/shared';

import { RegionCapsEntity } from '../entities/index.js';
import { DEFAULT_CAPS, type FrequencyCaps } from '../rules/caps.js';

/** The caps in force in a region: its own, else the defaults. */
export async function capsOf(em: EntityManager, region: string): Promise<FrequencyCaps> {
  const row = await em.findOne(RegionCapsEntity, { region });
  return row
    ? {
        perDay: row.perDay,
        perWeek: row.perWeek,
        perMonth: row.perMonth,
        routinePerAgencyYear: row.routinePerAgencyYear,
      }
    : DEFAULT_CAPS;
}

/** 检查频次上限（公开） The caps in force in a region (published, so enterprises know them). */
export async function inspectionCaps(ctx: Context, region: string) {
  const r = requireText('region', region, 100);
  return { region: r, ...(await capsOf(ctx.em, r)) };
}
