import { asAnswer, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, Int, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';

import { workingDayOverrides } from '../read/calendar.js';
import { loadWorkingDayCalendar } from '../write/load-working-day-calendar.js';
import { WorkingDayInput } from './inputs.js';
import { WorkingDayOverride } from './types.js';

/** The official working-day schedule: bundled data plus days an ADMIN loads when a year is announced. */
@Resolver()
export class CalendarResolver {
  @Query(() => [WorkingDayOverride], {
    description: '已加载的工作日历调整（公开） Calendar days loaded for a year (public)',
  })
  workingDayOverrides(@Ctx() ctx: Context, @Arg('year', () => Int, { description: '年度 Year' }) year: number) {
    return workingDayOverrides(ctx, year);
  }

  @UseMiddleware(Idempotent('personnel', asAnswer()))
  @Mutation(() => Int, {
    description: '加载国务院办公厅放假安排（管理员） Load official holiday / make-up days (ADMIN); returns days saved',
  })
  async loadWorkingDayCalendar(
    @Ctx() ctx: Context,
    @Arg('days', () => [WorkingDayInput], { description: '日历调整 Holidays and make-up working days' })
    days: WorkingDayInput[],
  ) {
    return loadWorkingDayCalendar(ctx, days);
  }
}
