import { type Context, listOverrides } from '@tsp/shared';

import { requireYear } from './year.js';

/** 工作日历调整 The official calendar days an ADMIN loaded for a year (public). */
export function workingDayOverrides(ctx: Context, year: number) {
  return listOverrides(ctx.em, requireYear(year));
}
