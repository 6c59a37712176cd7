import { badInput, type Context, requireRole, Role, saveOverrides } from '@tsp/shared';

export interface WorkingDayInputLike {
  date: string;
  working: boolean;
  note: string;
}

/**
 * 加载放假安排 Loads the official holidays and make-up working days of a year when they are announced
 * (ADMIN); returns the days saved.
 */
export async function loadWorkingDayCalendar(ctx: Context, days: WorkingDayInputLike[]): Promise<number> {
  requireRole(ctx.identity, Role.ADMIN);
  if (days.length > 400) throw badInput('days', 'at most 400 days at once');
  return saveOverrides(ctx.em, days, ctx.identity.sub);
}
