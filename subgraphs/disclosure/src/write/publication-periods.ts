import { AGENCY_ROLES, assertCanWrite, type Context, type PenaltyKind, requireId } from '@tsp/shared';

import { PublicationPeriodEntity } from '../entities/index.js';
import { publicationPeriods } from '../read/reports.js';
import { checkPeriodMonths } from '../rules/periods.js';

/** 公示期限 One penalty kind's period to set; null months = back to the legal default. */
export interface PeriodSetting {
  penaltyKind: PenaltyKind;
  months?: number | null;
}

/** 设置公示期限 Sets an agency's periods per penalty kind (they apply to items published afterwards). */
export async function setPublicationPeriods(
  ctx: Context,
  agencyId: string,
  periods: readonly PeriodSetting[],
): Promise<{ penaltyKind: PenaltyKind; months: number | null }[]> {
  const a = requireId('agency', agencyId);
  assertCanWrite(ctx.identity, a, AGENCY_ROLES);
  const checked = periods.map((p) => ({
    penaltyKind: p.penaltyKind,
    months: checkPeriodMonths('periods.months', p.penaltyKind, p.months),
  }));
  await ctx.em.transactional(async (em) => {
    for (const p of checked) {
      await em.nativeDelete(PublicationPeriodEntity, { agencyId: a, penaltyKind: p.penaltyKind });
      if (p.months != null)
        em.create(PublicationPeriodEntity, {
          agencyId: a,
          penaltyKind: p.penaltyKind,
          months: p.months,
          updatedBy: ctx.identity.sub!,
        });
    }
  });
  return publicationPeriods(ctx, a);
}
